// Scripts read the same .env files Next.js reads (.env.local wins), without overriding the shell.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./db/config";

export function loadEnvFiles() {
  for (const name of [".env.local", ".env"]) {
    const file = path.join(ROOT, name);
    if (fs.existsSync(file)) process.loadEnvFile(file);
  }
}
