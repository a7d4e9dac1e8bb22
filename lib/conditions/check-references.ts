// Saving conditions: every id a rule names must belong to the webhook's projects (with "all
// projects", the creator's), and a custom field rule must fit the field's type. A 422 names each
// rule part that does not.
import { ApiError, type FieldErrors } from "../api/errors";
import type { Tx } from "../db";
import type { Conditions } from "../validations/webhook-conditions";
import { customFieldRuleIssue, rulesWithPaths } from "../validations/webhook-conditions";
import type { CustomFieldType } from "./fields";
import { customFieldIdsOf, namedReferences } from "./references";

type Selection = { allProjects: boolean; projectIds: string[] };

/** The projects a webhook's conditions may refer to. */
export async function conditionScope(tx: Tx, userId: string, selection: Selection): Promise<string[]> {
  if (!selection.allProjects) return selection.projectIds;
  const mine = await tx.projectMember.findMany({ where: { userId }, select: { projectId: true } });
  return mine.map((m) => m.projectId);
}

type Option = { id: string; title: string };

const UNKNOWN = {
  list: "is not a list of the webhook's projects",
  tag: "is not a tag of the webhook's projects",
  user: "is not a member of the webhook's projects",
  customField: "is not a custom field of the webhook's projects",
  option: "is not an option of this custom field",
} as const;

/**
 * The conditions sent are checked in full. Saved ones are checked again when the webhook's projects
 * change (`saved: true`): then a list, tag or custom field deleted since is let be (the view marks
 * it deleted), and so is a person or an option; only one that now lies outside the projects is not.
 */
export async function assertConditionReferences(
  tx: Tx,
  userId: string,
  selection: Selection,
  conditions: Conditions,
  { saved = false } = {},
) {
  if (!conditions) return;
  const scope = await conditionScope(tx, userId, selection);
  const inScope = { in: scope };
  const fields = await tx.customField.findMany({
    where: { id: { in: customFieldIdsOf(conditions) }, projectId: inScope },
    select: { id: true, type: true, options: true },
  });
  const types = new Map(fields.map((f) => [f.id, f.type as CustomFieldType]));
  const optionsOf = new Map(fields.map((f) => [f.id, new Set((f.options as Option[]).map((o) => o.id))]));
  const named = namedReferences(conditions, types);
  const idsOf = (kind: string) => [...new Set(named.filter((r) => r.kind === kind).map((r) => r.id))];
  const [lists, tags, members] = await Promise.all([
    tx.todoList.findMany({ where: { id: { in: idsOf("list") }, projectId: inScope }, select: { id: true } }),
    tx.tag.findMany({ where: { id: { in: idsOf("tag") }, projectId: inScope }, select: { id: true } }),
    tx.projectMember.findMany({
      where: { userId: { in: idsOf("user") }, projectId: inScope },
      select: { userId: true },
    }),
  ]);
  const known = {
    list: new Set(lists.map((l) => l.id)),
    tag: new Set(tags.map((t) => t.id)),
    user: new Set(members.map((m) => m.userId)),
    customField: new Set(types.keys()),
  };

  const errors: FieldErrors = {};
  const add = (path: string, message: string) => {
    const key = `conditions.${path}`;
    errors[key] = [...(errors[key] ?? []), message];
  };
  const missing = named.filter((ref) =>
    ref.kind === "option" ? !optionsOf.get(ref.customFieldId ?? "")?.has(ref.id) : !known[ref.kind].has(ref.id),
  );
  const elsewhere = saved ? await existing(tx, missing) : null;
  for (const ref of missing) {
    if (!elsewhere || elsewhere.has(`${ref.kind}:${ref.id}`)) add(ref.path, `"${ref.id}" ${UNKNOWN[ref.kind]}`);
  }
  for (const { path, rule } of rulesWithPaths(conditions)) {
    const type = rule.customFieldId !== undefined ? types.get(rule.customFieldId) : undefined;
    const issue = type ? customFieldRuleIssue(type, rule) : null;
    if (issue) add(`${path}.${issue.at}`, issue.message);
  }
  const first = Object.entries(errors)[0];
  if (first) throw new ApiError("validation_failed", `${first[0]}: ${first[1][0]}`, { fields: errors });
}

/** Of these lists, tags and custom fields, the ones that still exist (in any project), as kind:id. */
async function existing(tx: Tx, refs: Array<{ kind: string; id: string }>): Promise<Set<string>> {
  const idsOf = (kind: string) => refs.filter((r) => r.kind === kind).map((r) => r.id);
  const [lists, tags, fields] = await Promise.all([
    tx.todoList.findMany({ where: { id: { in: idsOf("list") } }, select: { id: true } }),
    tx.tag.findMany({ where: { id: { in: idsOf("tag") } }, select: { id: true } }),
    tx.customField.findMany({ where: { id: { in: idsOf("customField") } }, select: { id: true } }),
  ]);
  return new Set([
    ...lists.map((l) => `list:${l.id}`),
    ...tags.map((t) => `tag:${t.id}`),
    ...fields.map((f) => `customField:${f.id}`),
  ]);
}
