// Every request the browser makes goes through a typed hook in a resource's queries file (beside
// the key factory in lib/client/query-keys.ts): components do not build cache keys, call the API
// or define queries and mutations of their own.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.join(process.cwd(), "components");
const AD_HOC = /\b(useQuery|useInfiniteQuery|useMutation|apiFetch)[<(]|\bqueryKey:/;

/** Files that call the API themselves on purpose, each with its reason. */
const EXEMPT = new Set([
  // Sign-in and sign-up post a form and navigate: no cached resource behind them.
  "auth-form.tsx",
]);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path.relative(ROOT, full)] : [];
  });
}

/** A resource's hooks (`queries.ts`) and their server half (`prefetch.ts`, the page's first data). */
const isQueriesFile = (file: string) => /(^|[/-])(queries\.ts|prefetch\.tsx?)$/.test(file);

describe("client requests", () => {
  const offenders = sources(ROOT).filter(
    (file) => !isQueriesFile(file) && AD_HOC.test(fs.readFileSync(path.join(ROOT, file), "utf8")),
  );

  it("are made only through the resources' typed hooks", () => {
    expect(offenders.filter((file) => !EXEMPT.has(file))).toEqual([]);
  });

  it("are exempted only in files that still make them", () => {
    expect([...EXEMPT].filter((file) => !offenders.includes(file))).toEqual([]);
  });
});
