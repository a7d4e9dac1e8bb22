import { db } from "../db";
import { loadCompanyViews } from "./company-views";

/** The companies the user is a member of, by name. */
export async function listCompanies(userId: string) {
  return db().$transaction((tx) => loadCompanyViews(tx, userId));
}
