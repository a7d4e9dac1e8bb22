import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { createChecklist } from "@/lib/checklists/create-checklist";
import { checklistValue } from "@/lib/events/values";
import { createChecklistSchema } from "@/lib/validations/checklist";

// POST /api/v1/todos/{id}/checklists — add a checklist to a record (TODO_CHECKLIST_CREATED)
export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const checklist = await createChecklist(user.id, params.id, await readJson(req, createChecklistSchema));
  return respond(checklistValue, checklist, { status: 201 });
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
