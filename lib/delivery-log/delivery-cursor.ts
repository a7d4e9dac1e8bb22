// Keyset pagination cursor over (created_at desc, id desc): stable while new deliveries arrive.
import { ApiError } from "../api/errors";

export type Cursor = { createdAt: Date; id: string };

// Exactly what encodeCursor writes: toISOString of a date in the years 0000–9999 (well inside
// PostgreSQL's range) and a row id, so that nothing else a client sends reaches the query.
const CREATED_AT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const ROW_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.createdAt.toISOString(), c.id])).toString("base64url");
}

export function decodeCursor(raw: string): Cursor {
  const invalid = () => ApiError.field("cursor", "is not a cursor this API returned");
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw invalid();
  const [createdAt, id] = decoded;
  if (typeof createdAt !== "string" || !CREATED_AT.test(createdAt)) throw invalid();
  if (typeof id !== "string" || !ROW_ID.test(id)) throw invalid();
  const date = new Date(createdAt);
  // Also refuses a well-formed but impossible date, such as 2026-02-30.
  if (Number.isNaN(date.getTime()) || date.toISOString() !== createdAt) throw invalid();
  return { createdAt: date, id };
}
