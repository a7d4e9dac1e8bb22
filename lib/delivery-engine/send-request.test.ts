// Real receivers on 127.0.0.1 (allow-listed in tests); private addresses and bad ports are refused
// before any connection is attempted.
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startReceiver } from "@/tests/helpers/receiver";
import { parseRetryAfter, RESPONSE_BODY_CAP, sendRequest } from "./send-request";

let receiver: Awaited<ReturnType<typeof startReceiver>>;
const send = (url: string, timeoutMs = 2000) =>
  sendRequest({ url, headers: { "content-type": "application/json", "x-test": "1" }, body: '{"a":1}', timeoutMs });

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

describe("sendRequest", () => {
  it("posts the exact body and headers and captures the response", async () => {
    receiver.reply({ status: 202, headers: { "x-receiver": "yes" }, body: "accepted" });
    const out = await send(`${receiver.url}/ok`);
    expect(out).toMatchObject({ ok: true, statusCode: 202, responseBody: "accepted", errorClass: null });
    expect(out.responseHeaders?.["x-receiver"]).toBe("yes");
    expect(out.latencyMs).toBeGreaterThanOrEqual(0);
    const last = receiver.requests.at(-1)!;
    expect(last.body).toBe('{"a":1}');
    expect(last.headers["x-test"]).toBe("1");
  });

  it("classifies non-2xx, redirects (not followed) and 429 with Retry-After", async () => {
    receiver.reply({ status: 500, body: "boom" });
    expect(await send(`${receiver.url}/x`)).toMatchObject({ ok: false, statusCode: 500, errorClass: "http_status" });
    const before = receiver.requests.length;
    receiver.reply({ status: 301, headers: { location: `${receiver.url}/elsewhere` } });
    const redirect = await send(`${receiver.url}/moved`);
    expect(redirect).toMatchObject({ ok: false, statusCode: 301, errorClass: "redirect" });
    expect(receiver.requests.length).toBe(before + 1);
    receiver.reply({ status: 429, headers: { "retry-after": "3" } });
    expect((await send(`${receiver.url}/slow`)).retryAfterMs).toBe(3000);
  });

  it("caps the stored response body", async () => {
    receiver.reply({ status: 200, body: "x".repeat(RESPONSE_BODY_CAP * 3) });
    const out = await send(`${receiver.url}/big`);
    expect(out.responseBody).toHaveLength(RESPONSE_BODY_CAP);
  });

  it("times out a receiver that never answers", async () => {
    receiver.reply({ status: 200, hang: true });
    const out = await send(`${receiver.url}/hang`, 300);
    expect(out).toMatchObject({ ok: false, statusCode: null, errorClass: "timeout" });
    expect(out.latencyMs).toBeGreaterThanOrEqual(250);
  });

  it("ends an attempt at its deadline although the receiver keeps sending its body byte by byte", async () => {
    // Each byte comes well within undici's per-phase timeouts; only the whole attempt's deadline ends it.
    const sockets = new Set<net.Socket>();
    const trickler = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      const drip = setInterval(() => res.write("."), 50);
      res.on("close", () => clearInterval(drip));
    });
    trickler.on("connection", (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => trickler.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = trickler.address() as net.AddressInfo;
      const out = await send(`http://127.0.0.1:${port}/drip`, 400);
      expect(out).toMatchObject({ ok: false, errorClass: "timeout" });
      expect(out.latencyMs).toBeGreaterThanOrEqual(350);
      expect(out.latencyMs).toBeLessThan(1500);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => trickler.close(resolve));
    }
  });

  it("reports a refused connection", async () => {
    const closed = await startReceiver();
    await closed.close();
    expect(await send(`${closed.url}/gone`)).toMatchObject({ ok: false, errorClass: "refused" });
  });

  it.each(["http://10.0.0.1/x", "http://169.254.169.254/latest", "http://[fd00::1]/x", "http://192.168.0.10:8080/x"])(
    "refuses %s without connecting",
    async (url) => {
      const out = await send(url);
      expect(out).toMatchObject({ ok: false, errorClass: "ssrf" });
      expect(out.errorMessage).toContain("URL points to a private network");
    },
  );

  it.each(["http://[fec0::1]/x", "http://[::127.0.0.2]/x", "http://[::10.0.0.1]/x"])(
    "refuses %s without opening a socket",
    async (url) => {
      const connect = vi.spyOn(net, "connect");
      try {
        const out = await send(url);
        expect(out).toMatchObject({ ok: false, errorClass: "ssrf" });
        expect(out.errorMessage).toContain("URL points to a private network");
        expect(connect).not.toHaveBeenCalled();
      } finally {
        connect.mockRestore();
      }
    },
  );

  it("refuses port 0 without opening a socket, even on an allow-listed address", async () => {
    const connect = vi.spyOn(net, "connect");
    try {
      const out = await send("http://127.0.0.1:0/x");
      expect(out).toMatchObject({ ok: false, errorClass: "ssrf" });
      expect(out.errorMessage).toContain("URL port must be from 1 to 65535");
      expect(connect).not.toHaveBeenCalled();
    } finally {
      connect.mockRestore();
    }
  });

  it("checks names after DNS: localhost is refused when loopback is not allow-listed", async () => {
    const allowed = process.env.WEBHOOK_ALLOWED_NETWORKS;
    process.env.WEBHOOK_ALLOWED_NETWORKS = "";
    try {
      const before = receiver.requests.length;
      const out = await send(`http://localhost:${receiver.port}/x`);
      expect(out).toMatchObject({ ok: false, errorClass: "ssrf" });
      expect(receiver.requests.length).toBe(before);
    } finally {
      process.env.WEBHOOK_ALLOWED_NETWORKS = allowed;
    }
  });

  it("parses Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("120")).toBe(120_000);
    expect(parseRetryAfter(new Date(10_000 + 5_000).toUTCString(), 10_000)).toBe(5_000);
    expect(parseRetryAfter("soon")).toBeNull();
  });
});
