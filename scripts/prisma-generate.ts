// postinstall: `prisma generate` needs only WASM, but the CLI looks for a native schema engine
// at start-up and would try to download one; point it at a no-op binary instead.
import { execFileSync } from "node:child_process";
import path from "node:path";

const cli = path.join(process.cwd(), "node_modules/prisma/build/index.js");
execFileSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
