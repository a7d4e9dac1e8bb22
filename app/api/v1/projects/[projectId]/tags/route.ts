import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { tagValue } from "@/lib/events/values";
import { createTag } from "@/lib/tags/create-tag";
import { createTagSchema } from "@/lib/validations/tag";

// POST /api/v1/projects/{projectId}/tags — add a tag (TAG_CREATED)
export const POST = withUser<{ projectId: string }>(async ({ req, user, params }) => {
  const tag = await createTag(user.id, params.projectId, await readJson(req, createTagSchema));
  return respond(tagValue, tag, { status: 201 });
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
