import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { noContent, respond } from "@/lib/api/response";
import { deleteCustomField } from "@/lib/custom-fields/delete-custom-field";
import { updateCustomField } from "@/lib/custom-fields/update-custom-field";
import { customFieldValue } from "@/lib/events/values";
import { updateCustomFieldSchema } from "@/lib/validations/custom-field";

// PATCH /api/v1/custom-fields/{id} — change a custom field's name, description or options (CUSTOM_FIELD_UPDATED)
export const PATCH = withUser<{ id: string }>(async ({ req, user, params }) =>
  respond(customFieldValue, await updateCustomField(user.id, params.id, await readJson(req, updateCustomFieldSchema))),
);

// DELETE /api/v1/custom-fields/{id} — delete a custom field and its values (CUSTOM_FIELD_DELETED)
export const DELETE = withUser<{ id: string }>(async ({ user, params }) => {
  await deleteCustomField(user.id, params.id);
  return noContent();
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, POST, PUT } = otherMethods({ PATCH, DELETE });
