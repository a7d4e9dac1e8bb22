import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { noContent, respond } from "@/lib/api/response";
import { deleteChecklistItem } from "@/lib/checklists/delete-checklist-item";
import { updateChecklistItem } from "@/lib/checklists/update-checklist-item";
import { checklistItemValue } from "@/lib/events/values";
import { updateChecklistItemSchema } from "@/lib/validations/checklist";

// PATCH /api/v1/checklist-items/{id} — change an item; one event per Blue type the change touches
export const PATCH = withUser<{ id: string }>(async ({ req, user, params }) =>
  respond(
    checklistItemValue,
    await updateChecklistItem(user.id, params.id, await readJson(req, updateChecklistItemSchema)),
  ),
);

// DELETE /api/v1/checklist-items/{id} — delete an item (TODO_CHECKLIST_ITEM_DELETED)
export const DELETE = withUser<{ id: string }>(async ({ user, params }) => {
  await deleteChecklistItem(user.id, params.id);
  return noContent();
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, POST, PUT } = otherMethods({ PATCH, DELETE });
