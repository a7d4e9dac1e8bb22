// Companies as the API shows them to one member: their role, how many members and projects.
import type { Tx } from "../db";
import type { CompanyRole, CompanyView } from "../validations/company";

export async function loadCompanyViews(tx: Tx, userId: string, companyIds?: string[]): Promise<CompanyView[]> {
  const memberships = await tx.companyMember.findMany({
    where: { userId, ...(companyIds ? { companyId: { in: companyIds } } : {}) },
    select: {
      role: true,
      company: {
        select: {
          id: true,
          name: true,
          slug: true,
          createdAt: true,
          _count: { select: { members: true, projects: true } },
        },
      },
    },
    orderBy: [{ company: { name: "asc" } }, { companyId: "asc" }],
  });
  return memberships.map(({ role, company: { _count, ...company } }) => ({
    ...company,
    role: role as CompanyRole,
    memberCount: _count.members,
    projectCount: _count.projects,
  }));
}

export async function loadCompanyView(tx: Tx, userId: string, companyId: string): Promise<CompanyView> {
  const [view] = await loadCompanyViews(tx, userId, [companyId]);
  return view;
}
