import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { noContent, respond } from "@/lib/api/response";
import { tagValue } from "@/lib/events/values";
import { deleteTag } from "@/lib/tags/delete-tag";
import { updateTag } from "@/lib/tags/update-tag";
import { updateTagSchema } from "@/lib/validations/tag";

// PATCH /api/v1/tags/{id} — rename or recolour a tag (TAG_UPDATED)
export const PATCH = withUser<{ id: string }>(async ({ req, user, params }) =>
  respond(tagValue, await updateTag(user.id, params.id, await readJson(req, updateTagSchema))),
);

// DELETE /api/v1/tags/{id} — delete a tag (TAG_DELETED)
export const DELETE = withUser<{ id: string }>(async ({ user, params }) => {
  await deleteTag(user.id, params.id);
  return noContent();
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, POST, PUT } = otherMethods({ PATCH, DELETE });
