// Validates JSON the way a receiver would: Ajv in strict mode, the schema's own draft (2020-12)
// and real format checks, so a schema that only zod accepts does not pass.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";

const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true }));

/** A validator for a served JSON Schema: returns the errors, or an empty list when `data` is valid. */
export function jsonSchemaValidator(schema: object): (data: unknown) => string[] {
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? [] : ajv.errorsText(validate.errors, { separator: "\n" }).split("\n"));
}
