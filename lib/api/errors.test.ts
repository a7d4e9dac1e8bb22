import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError, ERROR_STATUS, errorResponse, toApiError } from "./errors";

describe("toApiError", () => {
  it("maps a zod error to 422 with every field path, nested ones dotted", () => {
    const schema = z.strictObject({ name: z.string().min(1), nested: z.object({ url: z.url() }) });
    const result = schema.safeParse({ name: "", nested: { url: "nope" }, extra: 1 });
    const error = toApiError(result.error);
    expect(error.status).toBe(422);
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["extra", "name", "nested.url"]);
  });

  it("hides unknown errors behind a generic 500", async () => {
    const error = toApiError(new Error("connection string postgres://secret@db leaked"));
    expect(error.status).toBe(500);
    const body = await errorResponse(error).json();
    expect(body).toEqual({ error: { code: "internal_error", message: expect.not.stringContaining("secret") } });
  });

  it("keeps an ApiError as it is, with its status from the table", async () => {
    const res = errorResponse(new ApiError("rate_limited", "slow down", { headers: { "retry-after": "3" } }));
    expect(res.status).toBe(ERROR_STATUS.rate_limited);
    expect(res.headers.get("retry-after")).toBe("3");
    expect(await res.json()).toEqual({ error: { code: "rate_limited", message: "slow down" } });
  });
});
