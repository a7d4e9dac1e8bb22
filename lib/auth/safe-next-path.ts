// Where to go after sign-in (`/sign-in?next=…`): only a path on this site. A string that merely
// starts with "/" is not enough: browsers drop tabs and newlines inside URLs and read "\" as "/",
// so "/\t/evil.example" and "/\\evil.example" are protocol-relative URLs to another site, and a
// newline in a Location header is a server error. So: no control character or backslash at all,
// the URL parser must resolve it on this origin, and the resolved path must not start with "//"
// ("/..//evil.example" resolves to "//evil.example", which a browser would take as a host).

// Stands in for the app's origin: only whether the parsed URL stays on it matters.
const BASE = new URL("http://next-path.invalid");
const CONTROL_OR_BACKSLASH = /[\p{Cc}\\]/u;

export function safeNextPath(next: string | string[] | undefined, fallback = "/projects"): string {
  if (typeof next !== "string" || !next.startsWith("/") || CONTROL_OR_BACKSLASH.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? fallback : path;
}
