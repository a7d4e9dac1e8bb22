// A record's value for a custom field, checked against the field's type. null clears it.
import { z } from "zod";
import { ApiError } from "../api/errors";
import type { CustomFieldValue } from "../events/values";

type Field = { type: CustomFieldValue["type"]; options: unknown };

const number = z.number({ error: "must be a number" }).finite("must be a finite number");

function schemaFor(field: Field): z.ZodType {
  const optionIds = ((field.options as { id: string }[]) ?? []).map((o) => o.id);
  const option = z.string({ error: "must be an option id" }).refine((id) => optionIds.includes(id), {
    message: `must be one of the field's option ids (${optionIds.join(", ")})`,
  });
  switch (field.type) {
    case "TEXT_SINGLE":
      return z.string({ error: "must be text" }).max(500, "must be at most 500 characters");
    case "TEXT_MULTI":
      return z.string({ error: "must be text" }).max(10_000, "must be at most 10000 characters");
    case "NUMBER":
    case "CURRENCY":
      return number;
    case "PERCENT":
      return number.min(-1_000_000).max(1_000_000);
    case "CHECKBOX":
      return z.boolean({ error: "must be true or false" });
    case "SELECT_SINGLE":
      return option;
    case "SELECT_MULTI":
      return z.array(option, { error: "must be a list of option ids" }).transform((ids) => [...new Set(ids)]);
    case "DATE":
      return z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: "must be an ISO 8601 date" });
    case "URL":
      return z
        .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
        .max(2000, "must be at most 2000 characters");
    case "EMAIL":
      return z.email({ error: "must be an e-mail address" }).max(254, "must be at most 254 characters");
    case "RATING":
      return z
        .number({ error: "must be a whole number from 0 to 5" })
        .int("must be a whole number from 0 to 5")
        .min(0)
        .max(5);
  }
}

/** The value to store, or null to clear; a 422 on `value` naming what the type expects. */
export function parseCustomFieldValue(field: Field, value: unknown): unknown {
  if (value === null) return null;
  if (value === undefined) throw ApiError.field("value", "is required (null clears the value)");
  const result = schemaFor(field).safeParse(value);
  if (!result.success) throw ApiError.field("value", `${result.error.issues[0].message} for a ${field.type} field`);
  return result.data;
}
