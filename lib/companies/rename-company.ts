import { db } from "../db";
import { companyManager } from "../people/access";
import type { CompanyNameInput } from "../validations/company";
import { loadCompanyView } from "./company-views";

/** Rename a company (its OWNERs and ADMINs); the slug stays, so links keep working. */
export async function renameCompany(userId: string, companyId: string, input: CompanyNameInput) {
  return db().$transaction(async (tx) => {
    await companyManager(tx, userId, companyId, "rename the company");
    await tx.company.update({ where: { id: companyId }, data: { name: input.name } });
    return loadCompanyView(tx, userId, companyId);
  });
}
