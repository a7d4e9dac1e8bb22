import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { todoValue } from "@/lib/events/values";
import { setCustomFieldValue } from "@/lib/todos/set-custom-field-value";
import { setCustomFieldValueSchema } from "@/lib/validations/todo";

// PUT /api/v1/todos/{id}/custom-fields/{fieldId} — set or clear (null) a value (TODO_CUSTOM_FIELD_UPDATED)
export const PUT = withUser<{ id: string; fieldId: string }>(async ({ req, user, params }) => {
  const { value } = await readJson(req, setCustomFieldValueSchema);
  return respond(todoValue, await setCustomFieldValue(user.id, params.id, params.fieldId, value));
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, POST, PATCH, DELETE } = otherMethods({ PUT });
