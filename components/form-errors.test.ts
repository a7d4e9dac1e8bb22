// Every fragment the shared zod schemas can write has a sentence in every language: the fragments
// are read from lib/validations' source (each `error:`/`message:` and each message argument of a
// check, template parts filled with a number), so a new fragment without a pattern fails here.
import fs from "node:fs";
import path from "node:path";
import { zodResolver } from "@hookform/resolvers/zod";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/locales";
import { translatorFor } from "@/i18n/translator";
import { ApiClientError } from "@/lib/client/api-client";
import { createApiTokenSchema } from "@/lib/validations/api-token";
import { signUpSchema } from "@/lib/validations/user";
import { createWebhookSchema } from "@/lib/validations/webhook";
import { applyFieldErrors, formErrorSentence, matchFragment, withSentences } from "./form-errors";

const DIR = path.join(process.cwd(), "lib", "validations");
/** Schemas and readers outside lib/validations whose fragments reach forms and 422 answers too. */
const MORE = ["lib/users/password-schema.ts", "lib/custom-fields/custom-field-value.ts", "lib/api/request.ts"];

/** The literal text of a string or template (each `${…}` as 12, a joined list as two codes). */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  // `${message} for a ${type} field` wraps another fragment, which is checked where it is written.
  if (ts.isTemplateExpression(node) && node.head.text === "") return undefined;
  if (ts.isTemplateExpression(node)) {
    const fill = (span: ts.TemplateSpan) => (/\.join\(/.test(span.expression.getText()) ? "PENDING, FAILED" : "12");
    return node.head.text + node.templateSpans.map((s) => `${fill(s)}${s.literal.text}`).join("");
  }
  return undefined;
}

function schemaFragments(): string[] {
  const found = new Set<string>();
  const files = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => path.join(DIR, f))
    .concat(MORE.map((f) => path.join(process.cwd(), f)));
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      const text = literalText(node);
      const parent = node.parent;
      const isMessage =
        text !== undefined &&
        // { error: "…" } / { message: "…" }
        ((ts.isPropertyAssignment(parent) && ["error", "message"].includes(parent.name.getText(source))) ||
          // .min(1, "…"), .regex(/…/, "…"), .int("…"), .finite("…")
          (ts.isCallExpression(parent) &&
            ts.isPropertyAccessExpression(parent.expression) &&
            (parent.arguments.indexOf(node as ts.Expression) > 0 ||
              ["int", "finite", "nonempty"].includes(parent.expression.name.text))) ||
          // export const NON_EMPTY_MESSAGE = "…"
          (ts.isVariableDeclaration(parent) && /MESSAGE$/.test(parent.name.getText(source))));
      if (isMessage && text) found.add(text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...found].sort();
}

describe("form errors as sentences", () => {
  const fragments = schemaFragments();

  it("finds the schemas' fragments", () => {
    expect(fragments.length).toBeGreaterThan(40);
    expect(fragments).toContain("is required");
    expect(fragments).toContain("must be at most 12 characters");
  });

  it("knows every fragment of lib/validations, and zod's own unknown-key message", () => {
    const unknownKey = createApiTokenSchema.safeParse({ name: "x", colour: "blue" });
    expect(unknownKey.success).toBe(false);
    const zodOwn = unknownKey.error!.issues.map((i) => i.message);
    const unknown = [...fragments, ...zodOwn].filter((f) => matchFragment(f).key === "invalid");
    expect(unknown).toEqual([]);
  });

  for (const locale of LOCALES) {
    it(`writes each of them as a sentence naming the field in ${locale}`, () => {
      const t = translatorFor(locale, "formErrors");
      const label = t("fields.name");
      for (const fragment of fragments) {
        const sentence = formErrorSentence(t, "name", fragment);
        expect(sentence, fragment).not.toMatch(/[{}]|^formErrors\./);
        expect(sentence, fragment).toMatch(/[.!]$/);
        const { key } = matchFragment(fragment);
        // The sentences that are about the form as a whole name no field.
        if (
          ![
            "chooseEvents",
            "chooseProjects",
            "needsOption",
            "onlyChoiceOptions",
            "onlyCurrency",
            "nothingToChange",
          ].includes(key)
        ) {
          expect(sentence, fragment).toContain(label);
        }
      }
    });
  }

  it("reads numbers and choices out of the fragment", () => {
    const en = translatorFor("en", "formErrors");
    expect(formErrorSentence(en, "name", "is required")).toBe("Please fill in “Name”.");
    expect(formErrorSentence(en, "name", "must be at most 100 characters")).toBe(
      "“Name” can be at most 100 characters long.",
    );
    expect(formErrorSentence(en, "range", "must be 24h or 7d")).toBe("“range” must be one of these: 24h or 7d.");
    expect(formErrorSentence(en, "disablePolicy.count", "must be at least 1")).toBe(
      "“Failed deliveries in a row” must be at least 1.",
    );
    const ru = translatorFor("ru", "formErrors");
    // 3 650, grouped the Russian way.
    expect(formErrorSentence(ru, "expiresInDays", "must be at most 3650 days")).toMatch(
      /^В поле «Срок действия \(дни\)» можно указать не больше 3\s650 дней\.$/,
    );
    expect(formErrorSentence(translatorFor("es", "formErrors"), "expiresInDays", "must be at least 1 day")).toBe(
      "«Caduca tras (días)» debe ser de al menos 1 día.",
    );
    expect(formErrorSentence(en, "name", "something new")).toBe("Please check “Name”: its value is not valid.");
    // A webhook condition's errors, by the API's path of the rule's part.
    expect(formErrorSentence(en, "conditions.rules", "must have at most 20 rules in all (has 23)")).toBe(
      "“Rules”: a webhook can have at most 20 rules in all, and this one has 23. Please remove some.",
    );
    expect(
      formErrorSentence(en, "conditions.rules[1].operator", '"$nope" is not an operator; use one of $eq $ne'),
    ).toBe("“Comparison” holds a choice we do not know; please choose again.");
    expect(formErrorSentence(en, "conditions.rules[0].value", "is required for $in")).toBe("Please fill in “Value”.");
  });

  it("turns client-side validation into sentences, nested fields included", async () => {
    const sv = translatorFor("sv", "formErrors");
    const resolver = withSentences(zodResolver(signUpSchema), sv);
    const result = await resolver({ name: "", email: "nope", password: "" }, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    expect(result.errors.name?.message).toBe("Fyll i ”Namn”.");
    expect(result.errors.email?.message).toBe("”E-post” behöver en giltig e-postadress, till exempel namn@exempel.se.");

    const webhook = withSentences(zodResolver(createWebhookSchema), sv);
    const nested = await webhook(
      {
        name: "Hook",
        url: "https://example.com/h",
        events: ["TODO_CREATED"],
        projectIds: ["p1"],
        disablePolicy: { type: "exhausted", count: 0 },
      } as never,
      undefined,
      { fields: {}, shouldUseNativeValidation: false },
    );
    expect((nested.errors as { disablePolicy?: { count?: { message?: string } } }).disablePolicy?.count?.message).toBe(
      "”Misslyckade leveranser i rad” måste vara minst 1.",
    );
  });

  it("puts the API's field errors on the form as sentences", () => {
    const placed: Record<string, string | undefined> = {};
    const error = new ApiClientError(422, "validation_failed", "url: must be an http:// or https:// URL", {
      url: ["must be an http:// or https:// URL"],
      unknown: ["is required"],
    });
    const it = translatorFor("it", "formErrors");
    expect(applyFieldErrors(error, (name, e) => (placed[name] = e.message), ["url", "name"], it)).toBe(true);
    expect(placed).toEqual({ url: "«URL» richiede un indirizzo web completo che inizi con https:// (o http://)." });
  });
});
