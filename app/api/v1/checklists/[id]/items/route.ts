import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { createChecklistItem } from "@/lib/checklists/create-checklist-item";
import { checklistItemValue } from "@/lib/events/values";
import { createChecklistItemSchema } from "@/lib/validations/checklist";

// POST /api/v1/checklists/{id}/items — add an item (TODO_CHECKLIST_ITEM_CREATED)
export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const item = await createChecklistItem(user.id, params.id, await readJson(req, createChecklistItemSchema));
  return respond(checklistItemValue, item, { status: 201 });
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
