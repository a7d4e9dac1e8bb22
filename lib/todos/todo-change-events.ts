// Which of Blue's record events a change emits: one per event type it touches, and one per
// person or tag added or removed.
import type { EventType } from "../events/catalog";
import type { TodoValue } from "../events/values";

type Change = { type: EventType };

function dueDateEvent(before: string | null, after: string | null): EventType | null {
  if (before === after) return null;
  if (before === null) return "TODO_DUE_DATE_ADDED";
  if (after === null) return "TODO_DUE_DATE_REMOVED";
  return "TODO_DUE_DATE_UPDATED";
}

function setDifference(before: { id: string }[], after: { id: string }[]) {
  const a = new Set(before.map((x) => x.id));
  const b = new Set(after.map((x) => x.id));
  return { added: [...b].filter((id) => !a.has(id)), removed: [...a].filter((id) => !b.has(id)) };
}

export function todoChangeEvents(before: TodoValue, after: TodoValue): Change[] {
  const events: Change[] = [];
  if (before.title !== after.title) events.push({ type: "TODO_NAME_CHANGED" });
  if (before.done !== after.done) events.push({ type: "TODO_DONE_STATUS_UPDATED" });
  const due = dueDateEvent(before.duedAt, after.duedAt);
  if (due) events.push({ type: due });
  const assignees = setDifference(before.assignees, after.assignees);
  for (const _ of assignees.added) events.push({ type: "TODO_ASSIGNEE_ADDED" });
  for (const _ of assignees.removed) events.push({ type: "TODO_ASSIGNEE_REMOVED" });
  const tags = setDifference(before.tags, after.tags);
  for (const _ of tags.added) events.push({ type: "TODO_TAG_ADDED" });
  for (const _ of tags.removed) events.push({ type: "TODO_TAG_REMOVED" });
  return events;
}

export { dueDateEvent, setDifference };
