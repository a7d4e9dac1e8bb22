// A project as event value (PROJECT_* payloads) and as the API's view of it for one caller.
import type { Tx } from "../db";
import type { ProjectValue } from "../events/values";
import type { Role } from "../generated/prisma/client";
import type { ProjectView } from "../validations/project";

const select = {
  id: true,
  name: true,
  slug: true,
  companyId: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  company: { select: { id: true, name: true } },
  _count: { select: { todos: true, members: true } },
} as const;

export async function loadProjectValue(tx: Tx, id: string): Promise<ProjectValue> {
  const p = await tx.project.findUniqueOrThrow({ where: { id }, select });
  return {
    id: p.id,
    name: p.name,
    slug: p.slug,
    archivedAt: p.archivedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    company: p.company,
  };
}

type Row = { id: string; name: string; slug: string; companyId: string; archivedAt: Date | null } & {
  createdAt: Date;
  updatedAt: Date;
  company: { id: string; name: string };
  _count: { todos: number; members: number };
};

function toView(p: Row, role: Role | null): ProjectView {
  const { _count, ...fields } = p;
  return { ...fields, recordCount: _count.todos, memberCount: _count.members, role };
}

/** Projects as the caller sees them: their own role in each (null when not a member). */
export async function loadProjectViews(tx: Tx, userId: string, where: { id?: { in: string[] }; companyId?: string }) {
  const rows = await tx.project.findMany({
    where,
    select: { ...select, members: { where: { userId }, select: { role: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map(({ members, ...p }) => toView(p, members[0]?.role ?? null));
}

export async function loadProjectView(tx: Tx, userId: string, id: string) {
  const [view] = await loadProjectViews(tx, userId, { id: { in: [id] } });
  return view;
}
