// A request path Next.js cannot route safely: percent-encoding that does not decode to UTF-8
// (`%`, `%zz`, `%ff%fe`, the overlong `%c0%ae`) makes its router fail with a 500, and a control
// character (`%00`) reaches route params and then PostgreSQL, which refuses NUL bytes.

/** Why the raw (still encoded) path cannot be served, or null when it can. */
export function malformedPathReason(rawPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return "it has malformed percent-encoding";
  }
  return /\p{Cc}/u.test(decoded) ? "it contains a control character" : null;
}
