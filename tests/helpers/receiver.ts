// A real HTTP receiver on 127.0.0.1 for delivery tests: records every request (raw body and
// headers) and answers with whatever the test sets, which it can change at any time.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string; at: number };
export type Reply = {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  hang?: boolean;
  delayMs?: number;
};

export async function startReceiver(initial: Reply = { status: 200, body: "ok" }) {
  const requests: Received[] = [];
  let reply: Reply | ((req: Received) => Reply) = initial;
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const received: Received = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      requests.push(received);
      for (const w of waiters.filter((w) => requests.length >= w.count)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
      const r = typeof reply === "function" ? reply(received) : reply;
      if (r.hang) return;
      const answer = () => {
        res.writeHead(r.status, r.headers);
        res.end(r.body ?? "");
      };
      if (r.delayMs) setTimeout(answer, r.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    reply(next: Reply | ((req: Received) => Reply)) {
      reply = next;
    },
    /** Resolves once `count` requests have arrived (rejects after the deadline). */
    waitFor(count: number, timeoutMs = 15_000) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${requests.length} of ${count} requests arrived`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
