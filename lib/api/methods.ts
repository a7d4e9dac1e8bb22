// Next.js answers a method that a route file does not export with an empty 405, and its automatic
// OPTIONS would list every exported method. So each route file ends with one line exporting the
// methods it does not implement from here: `export const { PUT, … } = otherMethods({ GET, POST })`.
// They answer the documented JSON error with an `Allow` header; OPTIONS lists what is allowed.
import { ApiError, errorResponse } from "./errors";

const METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

type Implemented = Partial<Record<Method, unknown>>;
/** HEAD is answered by GET when a route has one (Next.js does that). */
type Answered<T> = keyof T | (T extends { GET: unknown } ? "HEAD" : never);
type OtherMethods<T> = Record<Exclude<Method, Answered<T>>, (req: Request) => Promise<Response>>;

/** Handlers for every method the route does not implement: 405 with `Allow`, and OPTIONS. */
export function otherMethods<T extends Implemented>(implemented: T): OtherMethods<T> {
  const answered = new Set<string>(Object.keys(implemented));
  if (answered.has("GET")) answered.add("HEAD");
  const allow = [...answered, "OPTIONS"].sort().join(", ");
  const refuse = async (req: Request) =>
    errorResponse(
      new ApiError("method_not_allowed", `${req.method} is not allowed on ${new URL(req.url).pathname}; use ${allow}`, {
        headers: { allow },
      }),
    );
  const options = async () => new Response(null, { status: 204, headers: { allow } });
  const handlers = Object.fromEntries(
    METHODS.filter((method) => !answered.has(method)).map((method) => [
      method,
      method === "OPTIONS" ? options : refuse,
    ]),
  );
  return handlers as OtherMethods<T>;
}
