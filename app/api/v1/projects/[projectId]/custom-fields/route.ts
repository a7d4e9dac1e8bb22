import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { createCustomField } from "@/lib/custom-fields/create-custom-field";
import { customFieldValue } from "@/lib/events/values";
import { createCustomFieldSchema } from "@/lib/validations/custom-field";

// POST /api/v1/projects/{projectId}/custom-fields — add a custom field (CUSTOM_FIELD_CREATED)
export const POST = withUser<{ projectId: string }>(async ({ req, user, params }) => {
  const field = await createCustomField(user.id, params.projectId, await readJson(req, createCustomFieldSchema));
  return respond(customFieldValue, field, { status: 201 });
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
