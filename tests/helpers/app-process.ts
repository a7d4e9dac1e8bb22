// The app's Inngest functions behind the real SDK serve(), in a child process that a test can
// SIGKILL in the middle of a delivery and start again on the same port.

import { functions } from "@/inngest";
import { inngest } from "@/inngest/client";
import { startApp } from "@/tools/inngest-local/test-support";

const port = Number(process.argv[2] ?? 0);
startApp(inngest, functions, port).then((app) => {
  process.send?.({ ready: app.url });
});
