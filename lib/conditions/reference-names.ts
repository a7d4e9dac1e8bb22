// What a webhook's conditions refer to, by name, for the webhook view: a list, tag, custom field or
// option deleted since the rule was saved stays visible as deleted (named as it was when it was
// deleted, when its deletion event says), rather than silently matching nothing.
import type { Db, Tx } from "../db";
import type { Conditions } from "../validations/webhook-conditions";
import type { CustomFieldType } from "./fields";
import { type ConditionReferenceKind, customFieldIdsOf, namedReferences } from "./references";

export type ConditionReference = { id: string; kind: ConditionReferenceKind; name: string | null; deleted: boolean };

type Row = {
  id: string;
  conditions: unknown;
  allProjects: boolean;
  projectIds: string[];
  createdById: string;
  createdAt: Date;
};
type Option = { id: string; title: string };

const DELETION_EVENTS = ["TODO_LIST_DELETED", "TAG_DELETED", "CUSTOM_FIELD_DELETED"];

/**
 * Names of deleted lists, tags and custom fields, from their deletion events in these projects.
 * A rule names only what existed when it was saved, so the deletion came after the webhook was
 * created: the project's events from then on are read, through the (project_id, occurred_at) index.
 */
async function deletedNames(
  tx: Tx | Db,
  ids: string[],
  projectIds: string[],
  since: Date,
): Promise<Map<string, string>> {
  if (ids.length === 0 || projectIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<Array<{ id: string; name: string | null }>>`
    SELECT DISTINCT ON (previous_value->>'id') previous_value->>'id' AS id,
           coalesce(previous_value->>'title', previous_value->>'name') AS name
      FROM events
     WHERE project_id = ANY(${projectIds}::text[]) AND occurred_at >= (${since.toISOString()}::timestamptz AT TIME ZONE 'UTC')
       AND type = ANY(${DELETION_EVENTS}::text[])
       AND previous_value->>'id' = ANY(${ids}::text[])
     ORDER BY previous_value->>'id', occurred_at DESC`;
  return new Map(rows.flatMap((r) => (r.name === null ? [] : [[r.id, r.name] as const])));
}

/** The references of each webhook's conditions, read together (one query per kind, not per webhook). */
export async function conditionReferencesOf(
  tx: Tx | Db,
  webhooks: Row[],
): Promise<(webhookId: string) => ConditionReference[]> {
  const conditionsOf = (w: Row) => w.conditions as Conditions;
  const withConditions = webhooks.filter((w) => conditionsOf(w));
  if (withConditions.length === 0) return () => [];
  const fieldIds = [...new Set(withConditions.flatMap((w) => customFieldIdsOf(conditionsOf(w))))];
  const fields = await tx.customField.findMany({
    where: { id: { in: fieldIds } },
    select: { id: true, name: true, type: true, options: true },
  });
  const fieldById = new Map(fields.map((f) => [f.id, f]));
  const types = new Map(fields.map((f) => [f.id, f.type as CustomFieldType]));
  const named = new Map(withConditions.map((w) => [w.id, namedReferences(conditionsOf(w), types)]));
  const all = [...named.values()].flat();
  const idsOf = (kind: ConditionReferenceKind) => [...new Set(all.filter((r) => r.kind === kind).map((r) => r.id))];
  const [lists, tags, users] = await Promise.all([
    tx.todoList.findMany({ where: { id: { in: idsOf("list") } }, select: { id: true, title: true } }),
    tx.tag.findMany({ where: { id: { in: idsOf("tag") } }, select: { id: true, title: true } }),
    tx.user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, name: true } }),
  ]);
  const names = {
    list: new Map(lists.map((l) => [l.id, l.title])),
    tag: new Map(tags.map((t) => [t.id, t.title])),
    user: new Map(users.map((u) => [u.id, u.name])),
    customField: new Map(fields.map((f) => [f.id, f.name])),
  };
  const missing = (["list", "tag", "customField"] as const).flatMap((kind) =>
    idsOf(kind).filter((id) => !names[kind].has(id)),
  );
  let gone = new Map<string, string>();
  if (missing.length > 0) {
    const named = withConditions.filter((w) => !w.allProjects).flatMap((w) => w.projectIds);
    const creators = [...new Set(withConditions.filter((w) => w.allProjects).map((w) => w.createdById))];
    const theirs = creators.length
      ? await tx.projectMember.findMany({ where: { userId: { in: creators } }, select: { projectId: true } })
      : [];
    const since = new Date(Math.min(...withConditions.map((w) => w.createdAt.getTime())));
    gone = await deletedNames(tx, missing, [...new Set([...named, ...theirs.map((m) => m.projectId)])], since);
  }

  const resolve = (kind: ConditionReferenceKind, id: string, customFieldId?: string): ConditionReference => {
    if (kind === "option") {
      const options = (fieldById.get(customFieldId ?? "")?.options ?? []) as Option[];
      const title = options.find((o) => o.id === id)?.title;
      return { id, kind, name: title ?? null, deleted: title === undefined };
    }
    const name = names[kind].get(id);
    if (name !== undefined) return { id, kind, name, deleted: false };
    return { id, kind, name: kind === "user" ? null : (gone.get(id) ?? null), deleted: true };
  };
  return (webhookId) => {
    const seen = new Set<string>();
    return (named.get(webhookId) ?? []).flatMap((ref) => {
      const key = `${ref.kind}:${ref.id}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [resolve(ref.kind, ref.id, ref.customFieldId)];
    });
  };
}
