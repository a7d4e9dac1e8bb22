import { ApiError } from "../api/errors";
import { db } from "../db";
import type { CompanyRoleInput } from "../validations/people";
import { companyManager, refuseLastOwner, refuseOwnerChangeByAdmin } from "./access";
import { loadCompanyMembers } from "./list-company-members";

/** A member's company role (OWNERs and ADMINs; an ADMIN neither makes nor changes an OWNER). */
export async function changeCompanyRole(userId: string, companyId: string, memberId: string, input: CompanyRoleInput) {
  return db().$transaction(async (tx) => {
    const level = await companyManager(tx, userId, companyId, "change roles in the company");
    const member = await tx.companyMember.findUnique({
      where: { companyId_userId: { companyId, userId: memberId } },
      select: { role: true, company: { select: { id: true, name: true } } },
    });
    if (!member) throw ApiError.notFound("Member");
    refuseOwnerChangeByAdmin(level, [member.role, input.role], "company");
    if (member.role === "OWNER" && input.role !== "OWNER")
      await refuseLastOwner(tx, "company", member.company, memberId);
    await tx.companyMember.update({
      where: { companyId_userId: { companyId, userId: memberId } },
      data: { role: input.role },
    });
    const [view] = await loadCompanyMembers(tx, companyId, memberId);
    return view;
  });
}
