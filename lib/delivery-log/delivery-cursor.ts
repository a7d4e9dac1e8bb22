// Keyset pagination cursor over (created_at desc, id desc): stable while new deliveries arrive.
import { ApiError } from "../api/errors";

export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.createdAt.toISOString(), c.id])).toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    const date = new Date(createdAt);
    if (typeof id !== "string" || Number.isNaN(date.getTime())) throw new Error("bad");
    return { createdAt: date, id };
  } catch {
    throw ApiError.field("cursor", "is not a cursor this API returned");
  }
}
