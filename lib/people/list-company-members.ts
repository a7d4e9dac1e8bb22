import { db, type Tx } from "../db";
import type { CompanyRole } from "../validations/company";
import type { CompanyMemberView } from "../validations/people";
import { companyRole } from "./access";

/** A company's members (or one of them), each with their projects in it. */
export async function loadCompanyMembers(tx: Tx, companyId: string, userId?: string): Promise<CompanyMemberView[]> {
  const members = await tx.companyMember.findMany({
    where: { companyId, ...(userId ? { userId } : {}) },
    select: {
      role: true,
      createdAt: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          projectMemberships: {
            where: { project: { companyId } },
            select: { role: true, project: { select: { id: true, name: true } } },
            orderBy: { project: { name: "asc" } },
          },
        },
      },
    },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
  });
  return members.map(({ role, createdAt, user: { projectMemberships, ...user } }) => ({
    user,
    role: role as CompanyRole,
    joinedAt: createdAt,
    projects: projectMemberships.map((m) => ({ ...m.project, role: m.role })),
  }));
}

/** A company's members, each with their projects in it (any member of the company may look). */
export async function listCompanyMembers(userId: string, companyId: string) {
  return db().$transaction(async (tx) => {
    await companyRole(tx, userId, companyId);
    return loadCompanyMembers(tx, companyId);
  });
}
