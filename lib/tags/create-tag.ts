import { withEvents } from "../events/outbox";
import { projectAccess } from "../platform/access";
import { loadTagValue } from "../platform/load-values";
import type { CreateTagInput } from "../validations/tag";

export async function createTag(userId: string, projectId: string, input: CreateTagInput) {
  return withEvents(userId, async (tx, emit) => {
    const access = await projectAccess(tx, userId, projectId, "manage_tags");
    const tag = await tx.tag.create({ data: { projectId, title: input.title, color: input.color.toLowerCase() } });
    const value = await loadTagValue(tx, tag.id);
    emit({ type: "TAG_CREATED", ...access, previousValue: null, currentValue: value });
    return value;
  });
}
