// Form errors as sentences in the reader's language. The shared zod schemas (lib/validations) speak
// the API's English fragments ("is required", "must be at most 100 characters"); the API keeps
// them for its clients, and the UI maps each fragment — from client-side validation or from the
// API's 422 field errors — to a sentence of `formErrors.sentences` that names the field.
import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from "react-hook-form";
import { ApiClientError } from "@/lib/client/api-client";

/** A next-intl translator for the `formErrors` namespace. */
export type FormErrorsTranslator = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/**
 * Every fragment the schemas write, most specific first: a sentence key, and the named groups
 * that become its values. (components/form-errors.test.ts fails on a fragment of lib/validations,
 * the password and custom-field value schemas or the request reader that none of these match.)
 */
export const FRAGMENTS: { pattern: RegExp; key: string }[] = [
  // The test send: an event type (a sample) or a recent event.
  { pattern: /^is required, or eventId \(a recent event\)$/, key: "testEventRequired" },
  { pattern: /^send eventType \(a sample\) or eventId, not both$/, key: "testEventBoth" },
  // "is required for $in", "is required for a custom field rule": the rule's part it names.
  { pattern: /^(?:is required(?: \(.+\)| for .+)?|must not be empty)$/, key: "required" },
  { pattern: /^must be at most (?<max>\d+) characters$/, key: "tooLong" },
  { pattern: /^must be at least (?<min>\d+) characters$/, key: "tooShort" },
  { pattern: /^must be at most (?<max>\d+) days$/, key: "atMostDays" },
  { pattern: /^must be at least (?<min>\d+) days?$/, key: "atLeastDays" },
  { pattern: /^must be at most (?<max>[\d.]+)(?: \(.+\))?$/, key: "atMost" },
  { pattern: /^must be at least (?<min>[\d.]+)$/, key: "atLeast" },
  { pattern: /^must (?:list|have) at most (?<max>\d+) \w+$/, key: "tooMany" },
  { pattern: /^must name each project once$/, key: "duplicate" },
  { pattern: /^must be a(?: valid|n) e-mail address$/, key: "email" },
  { pattern: /^must be an (?:http:\/\/ or https:\/\/|http\(s\)) URL$/, key: "url" },
  { pattern: /^must not contain a user name or password$/, key: "urlCredentials" },
  { pattern: /^must be text$/, key: "text" },
  { pattern: /^must be true or false$/, key: "boolean" },
  { pattern: /^must be a number, or null for no limit$/, key: "numberOrEmpty" },
  { pattern: /^must be a (?:finite )?number$/, key: "number" },
  { pattern: /^must be a whole number from (?<min>\d+) to (?<max>\d+)$/, key: "wholeRange" },
  { pattern: /^must be a whole number(?: of days)?$/, key: "wholeNumber" },
  { pattern: /^(?:must be an id|is not a valid id)$/, key: "id" },
  { pattern: /^is not an event type$/, key: "eventType" },
  { pattern: /^must be (?:an option id|one of the field's option ids\b.*)$/, key: "option" },
  { pattern: /^must differ from the current password$/, key: "samePassword" },
  { pattern: /^must not contain the NUL character$/, key: "nul" },
  { pattern: /^must not nest arrays and objects more than (?<max>\d+) levels deep$/, key: "tooDeep" },
  { pattern: /^must be a list of .+$/, key: "list" },
  { pattern: /^must be a (?:hex )?colour(?: like #[0-9a-fA-F]{6})?$/, key: "colour" },
  { pattern: /^must be an ISO 4217 code like EUR$/, key: "currency" },
  { pattern: /^must be an ISO 8601 date(?: or date-time|-time)?(?:, e\.g\. \S+)?$/, key: "date" },
  { pattern: /^must be \{"type": "exhausted"/, key: "disablePolicy" },
  {
    pattern:
      /^(?:must be one of|must list|must be a list:|must be) (?<options>[\w", [\]]+ or [\w"[\]]+|[A-Z_]+(?:, [A-Z_]+)*)$/,
    key: "oneOf",
  },
  { pattern: /^choose at least one event, or all events$/, key: "chooseEvents" },
  { pattern: /^choose at least one project, or all projects$/, key: "chooseProjects" },
  { pattern: /^leave empty when all(?:Events|Projects) is true$/, key: "leaveEmpty" },
  { pattern: /^a select field needs at least one option$/, key: "needsOption" },
  { pattern: /^only SELECT_SINGLE and SELECT_MULTI fields have options$/, key: "onlyChoiceOptions" },
  { pattern: /^only CURRENCY fields have a currency$/, key: "onlyCurrency" },
  { pattern: /^send at least one field to change$/, key: "nothingToChange" },
  { pattern: /^(?:Unrecognized keys?: |is not a known key$)/, key: "unknownField" },
  // Webhook conditions (lib/validations/webhook-conditions.ts): a rule's part, named by the field label.
  { pattern: /^"[^"]*" does not apply to .+$/, key: "operatorMismatch" },
  { pattern: /^"[^"]*" is not (?:a condition field|an operator)\b/, key: "unknownChoice" },
  { pattern: /^must be one of (?:[\w.]+, )+[\w.]+$|^must be one of \$\w+(?: \$\w+)+$/, key: "unknownChoice" },
  { pattern: /^must be .+, as the custom field's type requires$/, key: "customFieldValue" },
  { pattern: /^must be an? \w+ id$/, key: "chooseOne" },
  { pattern: /^must list at least one \w+$/, key: "chooseAtLeastOne" },
  { pattern: /^must have at most (?<max>\d+) rules in all \(has (?<count>\d+)\)$/, key: "tooManyRules" },
  { pattern: /^groups nest one level only\b/, key: "nestOnce" },
  { pattern: /^must be a group \{/, key: "group" },
  { pattern: /^must be a rule \{field, operator, value\} or a group\b/, key: "ruleOrGroup" },
  { pattern: /^must be left out for .+$/, key: "leaveOut" },
  { pattern: /^must be true \(is set\) or false \(is empty\)$/, key: "setOrEmpty" },
  { pattern: /^must have at least one rule$/, key: "atLeastOneRule" },
  { pattern: /^only belongs to a record\.customField rule$/, key: "onlyCustomField" },
];

/** The sentence key and values of a fragment; `invalid` for one no pattern knows. */
export function matchFragment(fragment: string): { key: string; values: Record<string, string | number> } {
  // A custom field's value error names the field's type after the fragment ("… for a NUMBER field").
  const core = fragment.replace(/ for an? [A-Z_]+ field$/, "");
  for (const { pattern, key } of FRAGMENTS) {
    const match = pattern.exec(core);
    if (match) {
      const groups = Object.entries(match.groups ?? {});
      // Numbers as numbers, so that they are written (and pluralised) the reader's way.
      return { key, values: Object.fromEntries(groups.map(([k, v]) => [k, /^\d+(\.\d+)?$/.test(v) ? Number(v) : v])) };
    }
  }
  return { key: "invalid", values: {} };
}

/** The reader's name of a field path ("disablePolicy.count" → its `fields.count` label), or the path itself. */
export function fieldLabel(t: FormErrorsTranslator, path: string) {
  // react-hook-form's "events.root" and list indexes ("rules.0", the API's "rules[0]") name no field of their own.
  const named = path
    .replace(/\[\d+\]/g, "")
    .split(".")
    .filter((s) => s !== "root" && !/^\d+$/.test(s));
  const last = named.at(-1) ?? path;
  if (t.has(`fields.${named.join(".")}`)) return t(`fields.${named.join(".")}`);
  if (t.has(`fields.${last}`)) return t(`fields.${last}`);
  return path;
}

/** A schema's fragment for one field, as a sentence naming it (or `label`, the form's own name for it). */
export function formErrorSentence(t: FormErrorsTranslator, path: string, fragment: string, label?: string) {
  const { key, values } = matchFragment(fragment);
  return t(`sentences.${key}`, { ...values, field: label ?? fieldLabel(t, path) });
}

/** Put the API's field errors on the form's fields, as sentences; true when at least one was placed. */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: Path<T>[],
  t?: FormErrorsTranslator,
) {
  if (!(error instanceof ApiClientError) || !error.fields) return false;
  let placed = false;
  for (const [name, messages] of Object.entries(error.fields)) {
    if ((fields as string[]).includes(name)) {
      setError(name as Path<T>, { message: t ? formErrorSentence(t, name, messages[0]) : messages[0] });
      placed = true;
    }
  }
  return placed;
}

/** A resolver whose errors (the schema's fragments) read as sentences. */
export function withSentences<T extends FieldValues, C, O>(
  resolver: Resolver<T, C, O>,
  t: FormErrorsTranslator,
): Resolver<T, C, O> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    return { ...result, errors: translateErrors(result.errors as FieldErrors, t, "") } as typeof result;
  };
}

function translateErrors(errors: FieldErrors, t: FormErrorsTranslator, prefix: string): FieldErrors {
  const out: Record<string, unknown> = {};
  for (const [name, error] of Object.entries(errors)) {
    if (!error || typeof error !== "object") continue;
    const path = prefix ? `${prefix}.${name}` : name;
    const { message, ...rest } = error as { message?: unknown; ref?: unknown };
    const nested = Object.fromEntries(
      Object.entries(rest).filter(
        ([k, v]) => k !== "ref" && k !== "type" && k !== "types" && v && typeof v === "object",
      ),
    );
    out[name] = {
      ...rest,
      ...(Object.keys(nested).length > 0 ? translateErrors(nested as FieldErrors, t, path) : {}),
      ...(typeof message === "string" ? { message: formErrorSentence(t, path, message) } : {}),
    };
  }
  return out as FieldErrors;
}
