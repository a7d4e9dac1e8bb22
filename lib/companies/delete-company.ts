import { ApiError } from "../api/errors";
import { companyRole } from "../people/access";
import { withPeopleChange } from "../people/memberships";
import { deleteProjectIn } from "../projects/delete-project";

/** Delete a company (OWNERs only) with all its projects: PROJECT_DELETED for each. */
export async function deleteCompany(userId: string, companyId: string) {
  await withPeopleChange(userId, async (change) => {
    const role = await companyRole(change.tx, userId, companyId);
    if (role !== "OWNER") {
      throw new ApiError("forbidden", `Only a company OWNER can delete the company; your role in it is ${role}`);
    }
    const projects = await change.tx.project.findMany({
      where: { companyId },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    for (const project of projects) await deleteProjectIn(change, project.id);
    await change.tx.company.delete({ where: { id: companyId } });
  });
}
