// Generators of malformed API input for tests/api/bad-input.test.ts, driven by the JSON Schema of
// a route's own zod schema: a plausible value (mostly valid), then mutations that break it — wrong
// types, missing and unknown fields (Object.prototype's names among them), huge and deep values,
// NUL and lone surrogates, out-of-range numbers and dates, ids of other users' objects — and raw
// bodies no schema sees (bad JSON, bad UTF-8, wrong content type, over the size limit).
// Big values are generated as small recipes, built only when sent, so that a failing case prints.
import fc from "fast-check";

export type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
};

/** Ids to put in fields that name other objects: the caller's own, and ones that must be refused. */
export type IdPools = {
  /** By the body field that names an object (todoListId, assigneeIds, …): ids of the caller's own. */
  own: Record<string, string[]>;
  /** Ids of another user's objects and of objects that do not exist: never acceptable in any id field. */
  wrong: string[];
};

export const PROTOTYPE_NAMES = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty"];

/** A value too big to print, built when sent: a long string or array, deep nesting, a raw number. */
export class Recipe {
  constructor(
    readonly kind: "string" | "array" | "deep-array" | "deep-object" | "number",
    readonly size: number | string,
  ) {}

  [fc.toStringMethod]() {
    return `Recipe(${this.kind}, ${this.size})`;
  }

  build(): unknown {
    const n = Number(this.size);
    switch (this.kind) {
      case "string":
        return "x".repeat(n);
      case "array":
        return Array.from({ length: n }, (_, i) => (i % 2 ? "x" : 1));
      // Deep values stay text: JSON.stringify itself overflows the stack on them.
      case "deep-array":
        return new RawJson(`${"[".repeat(n)}1${"]".repeat(n)}`);
      case "deep-object":
        return new RawJson(`${'{"a":'.repeat(n)}1${"}".repeat(n)}`);
      case "number":
        return new RawJson(String(this.size));
    }
  }
}

/** JSON text written as is into the body (1e400, which parses as Infinity; nesting too deep to stringify). */
class RawJson {
  constructor(readonly text: string) {}
}

/** The value with every recipe built; keys are defined as own properties, `__proto__` included. */
export function build(value: unknown): unknown {
  if (value instanceof Recipe) return value.build();
  if (Array.isArray(value)) return value.map(build);
  if (value && typeof value === "object" && !(value instanceof RawJson)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, build(v)]));
  }
  return value;
}

/** JSON text of a built value, raw JSON written in place. */
export function jsonText(value: unknown): string {
  const raws: string[] = [];
  const mark = (v: unknown): unknown => {
    if (v instanceof RawJson) return `\u0001${raws.push(v.text) - 1}\u0001`;
    if (Array.isArray(v)) return v.map(mark);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, mark(item)]));
    return v;
  };
  const text = JSON.stringify(mark(value));
  return text === undefined ? "" : text.replace(/"\\u0001(\d+)\\u0001"/g, (_, i) => raws[Number(i)]);
}

/** Whether JSON text nests arrays and objects deeper than `limit` (scanned, no recursion). */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") {
      if (++depth > limit) return true;
    } else if (c === "]" || c === "}") depth--;
  }
  return false;
}

const EMAIL_DOMAIN = "bad-input.test";

/** A plausible value for a schema: mostly valid, short, with the caller's own ids in id fields. */
export function plausible(schema: JsonSchema, ids: IdPools, name = ""): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((v) => plausible(v, ids, name)));
  switch (schema.type) {
    case "object": {
      const props = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([key, sub]) => [key, plausible(sub, ids, key)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
    }
    case "array":
      return fc.array(plausible(schema.items ?? {}, ids, name), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case "string":
      return plausibleString(schema, ids, name);
    case "integer":
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case "number":
      return fc.double({
        min: schema.minimum ?? -1e6,
        max: schema.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function plausibleString(schema: JsonSchema, ids: IdPools, name: string): fc.Arbitrary<string> {
  const own = ids.own[name];
  if (own) return fc.constantFrom(...own);
  const date = fc.date({
    min: new Date("2000-01-01T00:00:00Z"),
    max: new Date("2100-01-01T00:00:00Z"),
    noInvalidDate: true,
  });
  if (schema.format === "date-time") return date.map((d) => d.toISOString());
  if (schema.format === "date") return date.map((d) => d.toISOString().slice(0, 10));
  if (/email/i.test(name)) return fc.stringMatching(/^[a-z]{1,10}$/).map((local) => `${local}@${EMAIL_DOMAIN}`);
  if (/url/i.test(name)) return fc.constant("http://127.0.0.1:9/bad-input");
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const minLength = schema.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 20, 20)) });
}

const loneSurrogate = fc
  .tuple(fc.string({ maxLength: 3 }), fc.integer({ min: 0xd800, max: 0xdfff }))
  .map(([s, code]) => `${s}${String.fromCharCode(code)}`);

/** Values that break a field: wrong types, bad text, huge and deep values, extreme numbers and dates. */
export function nasty(ids: IdPools): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(null, true, false, 0, -1, 1.5, "", " ", "x", [], {}, [null], { a: 1 }, "null", "true", "1"),
    fc.string({ unit: "binary", maxLength: 12 }),
    // Text that fits a schema's string yet PostgreSQL refuses or alters: the likeliest to get through.
    {
      weight: 3,
      arbitrary: fc.tuple(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })).map(([a, b]) => `${a}\u0000${b}`),
    },
    { weight: 2, arbitrary: loneSurrogate },
    fc.constantFrom(...PROTOTYPE_NAMES),
    fc.constantFrom(...ids.wrong),
    fc.constantFrom(
      2 ** 31,
      -(2 ** 31) - 1,
      2 ** 53 + 2,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      Number.MIN_VALUE,
      -0,
      1e21,
      0.1 + 0.2,
    ),
    fc.constantFrom("1e400", "-1e400", "1e-400", "123456789012345678901234567890").map((n) => new Recipe("number", n)),
    fc.constantFrom(
      "+275760-09-13T00:00:00.000Z",
      "-271821-04-20T00:00:00.000Z",
      "0000-01-01T00:00:00Z",
      "9999-12-31T23:59:59-23:59",
      "2026-02-30",
      "2026-02-29T00:00:00Z",
      "2026-01-01T24:00:00Z",
      "2026-13-01",
      "20260101",
      "Thu, 01 Jan 2026 00:00:00 GMT",
    ),
    fc.constantFrom(300, 10_000, 1_100_000).map((n) => new Recipe("string", n)),
    fc.constantFrom(51, 1_000, 20_000).map((n) => new Recipe("array", n)),
    fc.constantFrom(63, 64, 65, 1_000, 5_000).map((n) => new Recipe("deep-array", n)),
    fc.constantFrom(64, 65, 5_000).map((n) => new Recipe("deep-object", n)),
  );
}

/** A key no schema has: Object.prototype's names, odd text, a NUL. */
export const unknownKey = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.constantFrom("a\u0000b", "\u0000", "", " ", ".", "0", "__defineGetter__"),
  loneSurrogate,
);

type Path = (string | number)[];

/** Every place in a value (object keys, array items) to a small depth, the root first. */
function places(value: unknown, depth = 3, at: Path = []): Path[] {
  const found: Path[] = [at];
  if (depth === 0 || value === null || typeof value !== "object" || value instanceof Recipe) return found;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  for (const [key, item] of entries) found.push(...places(item, depth - 1, [...at, key]));
  return found;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  // Defined, not assigned: assigning `__proto__` would set the prototype instead of adding the key.
  Object.defineProperty(copy, head, {
    value: setAt(copy[head], rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

function removeAt(root: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const [head, ...rest] = path;
  if (rest.length) return setAt(root, [head], removeAt((root as Record<string | number, unknown>)[head], rest));
  if (Array.isArray(root)) return root.filter((_, i) => i !== head);
  const { [head]: _, ...others } = root as Record<string | number, unknown>;
  return others;
}

/** How a plausible body is broken; `pick` chooses among the value's places. */
export type Mutation =
  | { kind: "set"; pick: number; value: unknown }
  | { kind: "remove"; pick: number }
  | { kind: "add"; pick: number; key: string; value: unknown }
  | { kind: "wrong-id"; pick: number; id: string };

export function mutation(ids: IdPools): fc.Arbitrary<Mutation> {
  const pick = fc.nat();
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("set" as const), pick, value: nasty(ids) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("remove" as const), pick }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant("add" as const), pick, key: unknownKey, value: nasty(ids) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant("wrong-id" as const), pick, id: fc.constantFrom(...ids.wrong) }),
    },
  );
}

/**
 * The body after the mutations, and the id fields now holding an id that must be refused. A wrong id
 * goes only into a field that names an object (`ids.own`'s names), where refusing it is required.
 */
export function mutate(body: unknown, mutations: Mutation[], ids: IdPools): { body: unknown; wrongIdAt: Path[] } {
  let wrongIdAt: Path[] = [];
  for (const m of mutations) {
    const all = places(body);
    const at = all[m.pick % all.length];
    if (m.kind === "set") body = setAt(body, at, m.value);
    else if (m.kind === "remove") body = removeAt(body, at);
    else if (m.kind === "add") {
      const objects = all.filter((p) => {
        const v = valueAt(body, p);
        return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Recipe);
      });
      if (objects.length) body = setAt(body, [...objects[m.pick % objects.length], m.key], m.value);
    } else {
      const idFields = all.filter((p) => {
        const field = [...p].reverse().find((k) => typeof k === "string");
        return field !== undefined && field in ids.own;
      });
      if (idFields.length) {
        const target = idFields[m.pick % idFields.length];
        const current = valueAt(body, target);
        const path = Array.isArray(current) ? [...target, 0] : target;
        body = setAt(body, path, Array.isArray(current) ? [m.id, ...current.slice(1)] : m.id);
        wrongIdAt.push(path);
      }
    }
    // A later mutation may have replaced or removed a wrong id again.
    wrongIdAt = wrongIdAt.filter((p) => ids.wrong.includes(valueAt(body, p) as string));
  }
  return { body, wrongIdAt };
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object" || value instanceof Recipe) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** A body no schema gets to see: not JSON, not UTF-8, another content type, empty, or over 1 MiB. */
export type RawBody =
  | { kind: "text"; text: string; contentType: string }
  | { kind: "bytes"; bytes: number[]; contentType: string }
  | { kind: "oversize"; size: number };

export const rawBody: fc.Arbitrary<RawBody> = fc.oneof(
  fc.record({
    kind: fc.constant("text" as const),
    text: fc.oneof(
      fc.constantFrom("", " ", "{", "[", "nul", "{'a':1}", '{"a":1,}', '{"a":}', "[1,]", "\u0000", "NaN", '"\\ud800"'),
      fc.string({ maxLength: 20 }),
    ),
    contentType: fc.constantFrom("application/json", "application/merge-patch+json"),
  }),
  fc.record({
    kind: fc.constant("text" as const),
    text: fc.constantFrom('{"title":"x"}', "{}", "title=x"),
    contentType: fc.constantFrom("", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "json"),
  }),
  fc.record({
    kind: fc.constant("bytes" as const),
    // {"x":"…"} with bytes that are not UTF-8: a lone continuation byte, an overlong '.', CESU-8 of
    // a lone surrogate, a truncated sequence, 0xff.
    bytes: fc
      .constantFrom([0x80], [0xc0, 0xae], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xff], [0xf8, 0x88, 0x80, 0x80, 0x80])
      .map((bad) => [0x7b, 0x22, 0x78, 0x22, 0x3a, 0x22, ...bad, 0x22, 0x7d]),
    contentType: fc.constant("application/json"),
  }),
  fc.record({ kind: fc.constant("oversize" as const), size: fc.constant(1024 * 1024 + 1) }),
);

/** One part of a query string: a key and value (encoded when sent), or raw text sent as is. */
export type QueryPart = { key: string; value: string } | { raw: string; times?: number };

const encode = (text: string) =>
  encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"));

export function queryString(parts: QueryPart[]): string {
  return parts
    .flatMap((p) =>
      "raw" in p ? Array.from({ length: p.times ?? 1 }, () => p.raw) : [`${encode(p.key)}=${encode(p.value)}`],
    )
    .join("&");
}

/** Query parts for a query schema: each parameter or not, lists as repeated or comma-separated values. */
export function plausibleQuery(schema: JsonSchema, ids: IdPools): fc.Arbitrary<QueryPart[]> {
  const params = Object.entries(schema.properties ?? {}).map(([key, sub]) =>
    fc.option(
      plausible(sub, ids, key).chain((value): fc.Arbitrary<QueryPart[]> => {
        if (!Array.isArray(value)) return fc.constant([{ key, value: String(value) }]);
        const repeated = value.map((v) => ({ key, value: String(v) }));
        return fc.constantFrom(repeated, value.length ? [{ key, value: value.join(",") }] : []);
      }),
      { nil: [] },
    ),
  );
  return fc.tuple(...params).map((lists) => lists.flat());
}

/** Breaks a query: unknown keys, NUL and other bad values, a key repeated, malformed percent-encoding. */
export function badQueryPart(schema: JsonSchema, wrongValues: string[]): fc.Arbitrary<QueryPart> {
  const keys = Object.keys(schema.properties ?? {});
  const badValue = fc.oneof(
    fc.constantFrom("", " ", "\u0000", "a\u0000", "0", "-1", "101", "1e9", "1.5", "NaN", "Infinity", "abc", "null"),
    fc.constantFrom(...PROTOTYPE_NAMES, ...wrongValues),
    fc.constantFrom("+275760-09-13T00:00:00.000Z", "-271821-04-20T00:00:00.000Z", "2026-02-30T00:00:00Z", "2026"),
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.constantFrom(1000, 100_000).map((n) => "9".repeat(n)),
  );
  const key = keys.length ? fc.oneof(fc.constantFrom(...keys), unknownKey) : unknownKey;
  return fc.oneof(
    fc.record({ key, value: badValue }),
    fc.record({ key: unknownKey, value: fc.string({ maxLength: 5 }) }),
    fc.record({
      raw: fc.constantFrom("%zz", "%", "%ff%fe", "%c0%ae", "%00", "a=%E0%A4%A", "=", "&&", "%00=1", "x=%ed%a0%80"),
    }),
    fc.record({
      raw: (keys.length ? fc.constantFrom(...keys) : fc.constant("x")).map((k) => `${k}=1`),
      times: fc.constantFrom(2, 1_000, 5_000),
    }),
  );
}
