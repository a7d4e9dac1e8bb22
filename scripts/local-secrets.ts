// Secrets a local run needs, generated once into .env.local (git-ignored) so that sessions and
// encrypted data survive restarts. Production sets them in its own environment.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./db/config";

const GENERATED = {
  AUTH_SECRET: () => crypto.randomBytes(32).toString("base64"),
  WEBHOOK_SECRET_KEY: () => crypto.randomBytes(32).toString("base64"),
} as const;

export function ensureLocalSecrets() {
  const file = path.join(ROOT, ".env.local");
  const lines: string[] = [];
  for (const [name, make] of Object.entries(GENERATED)) {
    if (process.env[name]) continue;
    const value = make();
    process.env[name] = value;
    lines.push(`${name}=${value}`);
  }
  if (lines.length) {
    fs.appendFileSync(file, `${lines.join("\n")}\n`, { mode: 0o600 });
    console.log(`generated ${lines.map((l) => l.split("=")[0]).join(", ")} into .env.local`);
  }
}
