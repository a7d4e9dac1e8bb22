// The app's Inngest client. Configured by Inngest's standard variables: INNGEST_DEV (or
// INNGEST_BASE_URL) for a local or self-hosted server, INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY
// for Inngest Cloud or a self-hosted server in production.
import { Inngest } from "inngest";
import { assertSafeInngestMode } from "@/lib/env";

export const INNGEST_APP_ID = "blue-webhooks";

assertSafeInngestMode();

export const inngest = new Inngest({ id: INNGEST_APP_ID });
