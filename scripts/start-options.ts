// The flags of `npm run dev` and `npm start` (scripts/dev.ts), read in one place so that what a
// production start does is decided, and tested, here.
//   --production          next build (when needed) + next start instead of next dev
//   --database NAME       use database NAME on the same server (e2e runs use their own)
//   --fresh               drop and recreate that database first; an embedded server this
//                         command starts runs without fsync (throwaway data: tests, e2e)
//   --durable             with --fresh: start the embedded server with fsync on all the same
//                         (the benchmark, so that commits cost what they cost in production)
//   --seed-demo           with --production: seed the demo accounts into an empty database
//                         (the e2e run and the benchmark); `npm run dev` always does
//   --allow-loopback-webhooks  with --production: let webhooks target 127.0.0.0/8 and ::1
//   --single-process      with --production: serve Inngest from the web process, no worker

export type StartOptions = {
  production: boolean;
  database?: string;
  fresh: boolean;
  durable: boolean;
  /** The demo accounts' passwords are published in the README: never in a production start unasked. */
  seedDemo: boolean;
  allowLoopbackWebhooks: boolean;
  singleProcess: boolean;
};

export function parseStartOptions(argv: string[]): StartOptions {
  const production = argv.includes("--production");
  const databaseAt = argv.indexOf("--database");
  return {
    production,
    database: databaseAt >= 0 ? argv[databaseAt + 1] : undefined,
    fresh: argv.includes("--fresh"),
    durable: argv.includes("--durable"),
    seedDemo: !production || argv.includes("--seed-demo"),
    // Local development and the e2e run deliver to receivers on this machine; production does not.
    allowLoopbackWebhooks: !production || argv.includes("--allow-loopback-webhooks"),
    singleProcess: !production || argv.includes("--single-process"),
  };
}
