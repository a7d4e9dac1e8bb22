import { db } from "../db";
import { companyManager } from "../people/access";
import { loadInvitationViews } from "./invitation-views";

/** A company's invitations, newest first (its OWNERs and ADMINs). */
export async function listCompanyInvitations(userId: string, companyId: string, baseUrl: string) {
  return db().$transaction(async (tx) => {
    await companyManager(tx, userId, companyId, "see the company's invitations");
    return loadInvitationViews(tx, { companyId }, baseUrl);
  });
}
