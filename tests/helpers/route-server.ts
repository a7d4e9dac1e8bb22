// A route handler served over HTTP from a child process of its own (forked with tsx by
// startRouteServer), so that a test can show state shared between processes through PostgreSQL
// and not through memory. Like Next.js, it passes the socket's address on as X-Forwarded-For when
// the request has none.
import http from "node:http";
import type net from "node:net";
import { NextRequest } from "next/server";

const routes = {
  "sign-in": () => import("@/app/api/v1/auth/sign-in/route").then((m) => m.POST),
};

const name = process.argv[2] as keyof typeof routes;

routes[name]().then((handler) => {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
    if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", req.socket.remoteAddress ?? "");
    const request = new NextRequest(new URL(req.url ?? "/", `http://${req.headers.host}`), {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const response = await handler(request, { params: Promise.resolve({}) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as net.AddressInfo).port }));
});
