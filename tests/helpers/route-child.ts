// Starts tests/helpers/route-server.ts in a child process and says where it listens.
import { fork } from "node:child_process";
import path from "node:path";

export type RouteChild = { url: string; stop(): Promise<void> };

export async function startRouteChild(route: "sign-in"): Promise<RouteChild> {
  const child = fork(path.join(process.cwd(), "tests/helpers/route-server.ts"), [route], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, LOG_LEVEL: "silent" },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (message) => resolve((message as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`route process exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
