import { db } from "../db";
import { companyRole } from "../people/access";
import { loadCompanyView } from "./company-views";

/** One of the user's companies (404 for any other). */
export async function getCompany(userId: string, companyId: string) {
  return db().$transaction(async (tx) => {
    await companyRole(tx, userId, companyId);
    return loadCompanyView(tx, userId, companyId);
  });
}
