// Who may see and manage companies, projects and their people. A company is visible to its
// members; a project to its members and to its company's owners and admins (who manage every
// project of the company). Outside that: 404. Only OWNER and ADMIN manage people, an ADMIN never
// makes, changes or removes an OWNER, and the last OWNER of a company or project stays.
import { ApiError } from "../api/errors";
import type { Tx } from "../db";
import { Prisma, type Role } from "../generated/prisma/client";

export type ManagerLevel = "OWNER" | "ADMIN";

const MANAGERS: readonly Role[] = ["OWNER", "ADMIN"];

/** The caller's role in the company; 404 when not a member. */
export async function companyRole(tx: Tx, userId: string, companyId: string): Promise<Role> {
  const member = await tx.companyMember.findUnique({
    where: { companyId_userId: { companyId, userId } },
    select: { role: true },
  });
  if (!member) throw ApiError.notFound("Company");
  return member.role;
}

/** The caller's company role when it is OWNER or ADMIN; otherwise a 403 naming what is needed. */
export async function companyManager(tx: Tx, userId: string, companyId: string, action: string) {
  const role = await companyRole(tx, userId, companyId);
  if (!MANAGERS.includes(role)) {
    throw new ApiError(
      "forbidden",
      `Only a company OWNER or ADMIN can ${action}; your role in this company is ${role}`,
    );
  }
  return role as ManagerLevel;
}

export type ProjectScope = {
  project: { id: string; name: string; slug: string; companyId: string; archivedAt: Date | null };
  company: { id: string; name: string };
  projectRole: Role | null;
  companyRole: Role | null;
  /** OWNER: a project or company OWNER; ADMIN: a project or company ADMIN; null: may not manage. */
  manager: ManagerLevel | null;
};

/** The project and the caller's standing in it; 404 when the caller may not see it. */
export async function projectScope(tx: Tx, userId: string, projectId: string): Promise<ProjectScope> {
  const project = await tx.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      name: true,
      slug: true,
      companyId: true,
      archivedAt: true,
      company: { select: { id: true, name: true, members: { where: { userId }, select: { role: true } } } },
      members: { where: { userId }, select: { role: true } },
    },
  });
  const projectRole = project?.members[0]?.role ?? null;
  const companyRole = project?.company.members[0]?.role ?? null;
  const managesCompany = companyRole !== null && MANAGERS.includes(companyRole);
  if (!project || (!projectRole && !managesCompany)) throw ApiError.notFound("Project");
  const level = (role: Role | null) => (role === "OWNER" ? 2 : role === "ADMIN" ? 1 : 0);
  const best = Math.max(level(projectRole), level(companyRole));
  const { members: _m, company, ...fields } = project;
  return {
    project: fields,
    company: { id: company.id, name: company.name },
    projectRole,
    companyRole,
    manager: best === 2 ? "OWNER" : best === 1 ? "ADMIN" : null,
  };
}

/** The caller's manager level in the project, or a 403 naming the roles that may. */
export function requireProjectManager(scope: ProjectScope, action: string): ManagerLevel {
  if (scope.manager) return scope.manager;
  throw new ApiError(
    "forbidden",
    `Only a project OWNER or ADMIN (or a company OWNER or ADMIN) can ${action}; your role in this project is ${scope.projectRole}`,
  );
}

/** An ADMIN may manage everyone but OWNERs: making one, changing one or removing one. */
export function refuseOwnerChangeByAdmin(level: ManagerLevel, roles: (Role | undefined)[], where: string) {
  if (level === "ADMIN" && roles.includes("OWNER")) {
    throw new ApiError("forbidden", `Only an OWNER can make, change or remove an OWNER of this ${where}`);
  }
}

const MEMBERSHIPS = {
  project: Prisma.sql`project_members WHERE project_id`,
  company: Prisma.sql`company_members WHERE company_id`,
};

/**
 * Refuses to take the OWNER role away from the last owner (leave, removal or demotion). Owners are
 * read with a row lock, so two owners cannot both leave at once.
 */
export async function refuseLastOwner(
  tx: Tx,
  of: keyof typeof MEMBERSHIPS,
  entity: { id: string; name: string },
  userId: string,
) {
  const owners = await tx.$queryRaw<{ userId: string }[]>`
    SELECT user_id AS "userId" FROM ${MEMBERSHIPS[of]} = ${entity.id} AND role = 'OWNER' FOR UPDATE`;
  if (owners.length === 1 && owners[0].userId === userId) {
    throw new ApiError(
      "last_owner",
      `This is the last OWNER of the ${of} “${entity.name}”: make someone else OWNER first (or delete the ${of} instead)`,
    );
  }
}
