// The app's Inngest functions served from a child process (app-process.ts) on a fixed port, so
// that a test can SIGKILL it at any moment — in the middle of a fan-out, a pump or an attempt —
// and start it again where the local Inngest server expects it.
import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { portForRestarts } from "@/tools/inngest-local/test-support";

export type AppChild = {
  /** The serve() endpoint to sync the local Inngest server with. */
  url: string;
  /** SIGKILL the process (nothing it holds is flushed) and start a fresh one on the same port. */
  killAndRestart(): Promise<void>;
  stop(): Promise<void>;
};

/** `env` is added to this process's environment (the database, the local Inngest server). */
export async function startAppChild(env: Record<string, string>): Promise<AppChild> {
  const port = await portForRestarts();
  const start = () => {
    const child = fork(path.join(process.cwd(), "tests/helpers/app-process.ts"), [String(port)], {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    return new Promise<ChildProcess>((resolve, reject) => {
      child.once("message", () => resolve(child));
      child.once("exit", (code) => reject(new Error(`app process exited with ${code}`)));
    });
  };
  const kill = async (child: ChildProcess) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  };
  let child = await start();
  return {
    url: `http://127.0.0.1:${port}/api/inngest`,
    async killAndRestart() {
      await kill(child);
      child = await start();
    },
    stop: () => kill(child),
  };
}
