// npm test — everything CI checks, in order, stopping at the first failure:
// type check, lint, unit + integration tests (real PostgreSQL), production build, e2e in Chromium.
import { spawnSync } from "node:child_process";
import path from "node:path";

const bin = (name: string) => path.join(process.cwd(), "node_modules/.bin", name);

const steps: [string, string, string[]][] = [
  ["type check", bin("tsc"), ["--noEmit"]],
  ["lint", bin("biome"), ["check", "--error-on-warnings", "."]],
  ["unit and integration tests", bin("vitest"), ["run"]],
  ["production build", bin("next"), ["build"]],
  ["end-to-end tests", bin("playwright"), ["test"]],
];

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
for (const [label, cmd, args] of steps) {
  const started = performance.now();
  console.log(`\n=== ${label}: ${path.basename(cmd)} ${args.join(" ")}`);
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n=== ${label} FAILED after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`=== ${label} passed in ${seconds} s`);
}
