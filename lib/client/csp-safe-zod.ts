// zod compiles object parsers with `new Function` where it may, and probes for that by calling it.
// Under the pages' Content-Security-Policy (no 'unsafe-eval') the probe is refused and reported as a
// violation, so in the browser zod runs jitless. The server keeps the faster compiled parsers.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
