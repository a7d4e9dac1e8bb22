// Cross-site request forgery: a change made with the session cookie must come from this app's own
// pages. SameSite=Lax keeps the cookie off cross-SITE posts, but a page on the same site (another
// port, a sibling subdomain) still gets it sent, so the browser's own headers decide:
// `Sec-Fetch-Site: same-origin` when the browser sends it (all current ones do on HTTPS and on
// localhost), else an `Origin` equal to this app's origin. A request with neither header does not
// come from a browser page — browsers send Origin on every cross-origin POST — so it cannot be a
// forgery and is allowed (curl or a script holding a copied cookie is the cookie's owner). Bearer
// token calls carry no ambient credential and are never checked.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Why a cookie-authenticated request must be refused as cross-site, or null when it may proceed. */
export function crossSiteRefusal(req: Request): string | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  const site = req.headers.get("sec-fetch-site");
  if (site !== null) {
    return site === "same-origin" ? null : `the browser marked it \`Sec-Fetch-Site: ${site}\``;
  }
  const origin = req.headers.get("origin");
  if (origin === null) return null;
  const own = appOrigin(req);
  return sameOrigin(origin, own) ? null : `its Origin ${origin} is not ${own}`;
}

/** This app's origin as the client addressed it (behind a proxy: X-Forwarded-Host and -Proto). */
export function appOrigin(req: Request): string {
  const url = new URL(req.url);
  const first = (name: string) => req.headers.get(name)?.split(",")[0]?.trim() || undefined;
  const proto = first("x-forwarded-proto") ?? url.protocol.replace(":", "");
  const host = first("x-forwarded-host") ?? first("host") ?? url.host;
  return `${proto}://${host}`;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    // URL parsing drops default ports and lower-cases the host, so equal origins compare equal.
    return new URL(a).origin === new URL(b).origin && new URL(a).origin !== "null";
  } catch {
    return false;
  }
}
