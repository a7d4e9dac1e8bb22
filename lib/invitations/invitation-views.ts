// Invitations as the API shows them: status with expiry applied, project names, and the link.
import { ApiError } from "../api/errors";
import type { Tx } from "../db";
import type { Prisma, Role } from "../generated/prisma/client";
import type { CompanyRole } from "../validations/company";
import type { InvitationStatusView, InvitationView } from "../validations/invitation";
import { invitationTokenHash, invitationUrl } from "./invitation-link";

export type InvitedProject = { projectId: string; role: Role };

/** PENDING past its expiry reads as EXPIRED. */
export function statusOf(invitation: { status: string; expiresAt: Date }, now = new Date()): InvitationStatusView {
  if (invitation.status === "PENDING" && invitation.expiresAt <= now) return "EXPIRED";
  return invitation.status as InvitationStatusView;
}

export const invitedProjects = (json: Prisma.JsonValue) => json as InvitedProject[];

const select = {
  id: true,
  email: true,
  role: true,
  projects: true,
  status: true,
  expiresAt: true,
  createdAt: true,
  tokenEncrypted: true,
  company: { select: { id: true, name: true } },
  invitedBy: { select: { id: true, name: true } },
} as const;

/** Invitations with their projects' current names (deleted projects left out), newest first. */
export async function loadInvitationViews(
  tx: Tx,
  where: Prisma.InvitationWhereInput,
  baseUrl: string,
): Promise<InvitationView[]> {
  const rows = await tx.invitation.findMany({ where, select, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const ids = rows.flatMap((r) => invitedProjects(r.projects).map((p) => p.projectId));
  const projects = await tx.project.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const names = new Map(projects.map((p) => [p.id, p.name]));
  return rows.map(({ tokenEncrypted, projects: invited, ...row }) => ({
    ...row,
    role: row.role as CompanyRole,
    status: statusOf(row),
    projects: invitedProjects(invited)
      .filter((p) => names.has(p.projectId))
      .map((p) => ({ id: p.projectId, name: names.get(p.projectId)!, role: p.role })),
    url: invitationUrl(baseUrl, tokenEncrypted),
  }));
}

export async function loadInvitationView(tx: Tx, id: string, baseUrl: string) {
  const [view] = await loadInvitationViews(tx, { id }, baseUrl);
  return view;
}

/** The invitation a link names, locked for the rest of the transaction; 404 for an unknown one. */
export async function invitationByToken(tx: Tx, token: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM invitations WHERE token_hash = ${invitationTokenHash(token)} FOR UPDATE`;
  if (!row) throw ApiError.notFound("Invitation");
  return tx.invitation.findUniqueOrThrow({
    where: { id: row.id },
    include: { company: { select: { id: true, name: true } }, invitedBy: { select: { id: true, name: true } } },
  });
}
