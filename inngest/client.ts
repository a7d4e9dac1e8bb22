// The app's Inngest client. Configured by Inngest's standard variables: INNGEST_DEV (or
// INNGEST_BASE_URL) for a local or self-hosted server, INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY
// for Inngest Cloud or a self-hosted server in production.
import { Inngest } from "inngest";

export const INNGEST_APP_ID = "blue-webhooks";

/** Dev mode skips request signing, so it must never run in production. */
export function assertSafeInngestMode(env: NodeJS.ProcessEnv = process.env) {
  const devMode = env.INNGEST_DEV && env.INNGEST_DEV !== "0" && env.INNGEST_DEV !== "false";
  if (env.NODE_ENV === "production" && devMode && env.INNGEST_ALLOW_DEV_IN_PRODUCTION !== "1") {
    throw new Error(
      "INNGEST_DEV is set while NODE_ENV=production: dev mode skips request signing. Unset INNGEST_DEV and set INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY.",
    );
  }
}

assertSafeInngestMode();

export const inngest = new Inngest({ id: INNGEST_APP_ID });
