import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, OPERATIONS } from "./document";

function routeOperations(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith("[...") || entry.name === "openapi.json") continue;
      out.push(...routeOperations(full, `${prefix}/${entry.name.replace(/^\[(\w+)\]$/, "{$1}")}`));
    } else if (entry.name === "route.ts") {
      const source = fs.readFileSync(full, "utf8");
      for (const [, method] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
        out.push(`${method.toLowerCase()} ${prefix}`);
      }
    }
  }
  return out;
}

describe("OpenAPI document", () => {
  it("documents exactly the routes under app/api/v1", () => {
    const documented = OPERATIONS.map((op) => `${op.method} ${op.path}`).sort();
    expect(documented).toEqual(routeOperations(path.join(process.cwd(), "app/api/v1")).sort());
  });

  it("is OpenAPI 3.1 with request and response schemas from zod", () => {
    const doc = buildOpenApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const create = doc.paths?.["/webhooks"]?.post;
    const body = create?.requestBody as {
      content: Record<string, { schema: { properties: Record<string, unknown> } }>;
    };
    expect(Object.keys(body.content["application/json"].schema.properties)).toEqual(
      expect.arrayContaining(["name", "url", "events", "projectIds"]),
    );
    const created = create?.responses?.["201"] as {
      content: Record<string, { schema: { properties: Record<string, unknown> } }>;
    };
    expect(Object.keys(created.content["application/json"].schema.properties)).toContain("secret");
    const read = doc.paths?.["/webhooks/{id}"]?.get?.responses?.["200"] as {
      content: Record<string, { schema: { properties: Record<string, unknown> } }>;
    };
    expect(Object.keys(read.content["application/json"].schema.properties)).not.toContain("secret");
  });
});
