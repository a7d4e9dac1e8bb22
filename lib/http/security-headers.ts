// The browser protections every response carries. Static headers are set for every path by
// next.config.js; pages get a Content-Security-Policy with a fresh nonce per request from
// proxy.ts (Next.js reads the nonce from the request's CSP header and puts it on its own scripts
// and inline styles); API responses, and the error responses the proxy writes itself, get a policy
// that allows nothing, since JSON never needs to run or load anything.

/** For JSON and plain error responses: nothing may load, run or frame them (next.config.js sends
 * the same policy with every API response). */
export const LOCKED_DOWN_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** 16 random bytes, base64: one per page request. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The pages' policy. Scripts: only those carrying this request's nonce, and what they load
 * ('strict-dynamic': Next.js loads its route chunks from its nonce'd runtime). Styles: the
 * compiled Tailwind stylesheet ('self') and Next.js's nonce'd inline styles; no 'unsafe-inline',
 * not even for style attributes — the app renders none on the server (colours set through
 * React's `style` prop at run time go through the CSSOM, which CSP does not govern), and the
 * e2e suite fails on any violation. Development adds what `next dev` needs: eval for React's
 * debugging and inline styles for its overlay.
 */
export function pageContentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
