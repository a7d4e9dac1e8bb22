import { db } from "../db";
import { companyRole } from "../people/access";
import { loadProjectViews } from "./project-values";

/** A company's projects: all of them for its OWNERs and ADMINs, the caller's own for a MEMBER. */
export async function listCompanyProjects(userId: string, companyId: string) {
  return db().$transaction(async (tx) => {
    const role = await companyRole(tx, userId, companyId);
    const all = role === "OWNER" || role === "ADMIN";
    const views = await loadProjectViews(tx, userId, { companyId });
    return all ? views : views.filter((p) => p.role !== null);
  });
}
