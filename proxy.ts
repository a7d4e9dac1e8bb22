// Runs before routing (Next.js 16's Proxy, formerly middleware). For pages: a Content-Security-
// Policy with a fresh nonce, set on the request (Next.js reads the nonce from it for its own
// scripts) and on the response. For every path it sees: a path Next.js cannot route — malformed
// percent-encoding or a control character — is answered 400 here, as the API's JSON error under
// /api and as a plain page elsewhere, instead of a 500 from deep inside the router. The other
// security headers come from next.config.ts.
import { type NextRequest, NextResponse } from "next/server";
import type { ErrorBody } from "@/lib/api/errors";
import { malformedPathReason } from "@/lib/http/request-path";
import { LOCKED_DOWN_CSP, newNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers";

const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

function badPath(pathname: string, reason: string): NextResponse {
  const message = `The request path is not valid: ${reason}.`;
  const headers = { "content-security-policy": LOCKED_DOWN_CSP, "cache-control": "no-store" };
  if (isApiPath(pathname)) {
    const body: ErrorBody = { error: { code: "bad_request", message } };
    return NextResponse.json(body, { status: 400, headers });
  }
  return new NextResponse(`400 Bad Request\n\n${message}\n`, {
    status: 400,
    headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
  });
}

export function proxy(request: NextRequest) {
  // nextUrl keeps the path as the client encoded it.
  const { pathname } = request.nextUrl;
  const reason = malformedPathReason(pathname);
  if (reason) return badPath(pathname, reason);
  if (isApiPath(pathname)) return NextResponse.next();

  // NODE_ENV is a build-time constant here: Next.js inlines it.
  const policy = pageContentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    // Every page (the API, Next.js's build output and the favicon excepted).
    "/((?!api/|api$|_next/static/|_next/image|favicon.ico).*)",
    // API paths only when they carry percent-encoding to check: the API's hot paths skip the proxy.
    "/api/(.*%.*)",
  ],
};
