// Project membership changes, each with its event and what it does to the member's webhooks, in
// the caller's transaction. Every verb that adds, removes or re-roles a project member (people,
// invitations, companies) goes through here.
import type { Tx } from "../db";
import { type Emit, withEvents } from "../events/outbox";
import type { ProjectMemberValue } from "../events/values";
import type { Role } from "../generated/prisma/client";
import { sendQueuedEmailsInBackground } from "../notify/email-outbox";
import { clearAccessIssues, recordAccessIssues } from "../webhooks/access-issues";

/** A change in progress: its transaction, its events and the e-mails to send after the commit. */
export type Change = { tx: Tx; emit: Emit; emails: string[] };

/** Run a people change in one transaction with its events; its e-mails go out after the commit. */
export async function withPeopleChange<T>(actorId: string, fn: (change: Change) => Promise<T>): Promise<T> {
  const emails: string[] = [];
  const result = await withEvents(actorId, (tx, emit) => fn({ tx, emit, emails }));
  sendQueuedEmailsInBackground(emails);
  return result;
}

export type ProjectInCompany = { id: string; name: string; company: { id: string; name: string } };

async function memberValue(tx: Tx, project: ProjectInCompany, userId: string, role: Role): Promise<ProjectMemberValue> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true },
  });
  return { user, role, project: { id: project.id, name: project.name, company: project.company } };
}

const where = (project: ProjectInCompany) => ({ companyId: project.company.id, projectId: project.id });

/** Add a member (PROJECT_MEMBER_ADDED); their webhooks naming the project get it back. */
export async function addToProject(c: Change, project: ProjectInCompany, userId: string, role: Role) {
  await c.tx.projectMember.create({ data: { projectId: project.id, userId, role } });
  await clearAccessIssues(c.tx, userId, [project.id]);
  const value = await memberValue(c.tx, project, userId, role);
  c.emit({ type: "PROJECT_MEMBER_ADDED", ...where(project), previousValue: null, currentValue: value });
  return value;
}

/** Remove a member (PROJECT_MEMBER_REMOVED); their webhooks naming the project say so. */
export async function removeFromProject(c: Change, project: ProjectInCompany, userId: string, role: Role) {
  const value = await memberValue(c.tx, project, userId, role);
  await c.tx.projectMember.delete({ where: { projectId_userId: { projectId: project.id, userId } } });
  c.emails.push(...(await recordAccessIssues(c.tx, [project], "ACCESS_REVOKED", userId)));
  c.emit({ type: "PROJECT_MEMBER_REMOVED", ...where(project), previousValue: value, currentValue: null });
}

/** A new role (PROJECT_MEMBER_ROLE_CHANGED), when it is one. */
export async function changeProjectRole(c: Change, project: ProjectInCompany, userId: string, from: Role, to: Role) {
  const previous = await memberValue(c.tx, project, userId, from);
  if (from === to) return previous;
  await c.tx.projectMember.update({
    where: { projectId_userId: { projectId: project.id, userId } },
    data: { role: to },
  });
  const current = { ...previous, role: to };
  c.emit({ type: "PROJECT_MEMBER_ROLE_CHANGED", ...where(project), previousValue: previous, currentValue: current });
  return current;
}
