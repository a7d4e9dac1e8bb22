import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { noContent, respond } from "@/lib/api/response";
import { deleteChecklist } from "@/lib/checklists/delete-checklist";
import { updateChecklist } from "@/lib/checklists/update-checklist";
import { checklistValue } from "@/lib/events/values";
import { updateChecklistSchema } from "@/lib/validations/checklist";

// PATCH /api/v1/checklists/{id} — rename (TODO_CHECKLIST_NAME_CHANGED) or reorder a checklist
export const PATCH = withUser<{ id: string }>(async ({ req, user, params }) =>
  respond(checklistValue, await updateChecklist(user.id, params.id, await readJson(req, updateChecklistSchema))),
);

// DELETE /api/v1/checklists/{id} — delete a checklist with its items (TODO_CHECKLIST_DELETED)
export const DELETE = withUser<{ id: string }>(async ({ user, params }) => {
  await deleteChecklist(user.id, params.id);
  return noContent();
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, POST, PUT } = otherMethods({ PATCH, DELETE });
