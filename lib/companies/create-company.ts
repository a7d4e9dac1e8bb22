import { db } from "../db";
import type { CompanyNameInput } from "../validations/company";
import { loadCompanyView } from "./company-views";
import { slugFor } from "./slug";

/** A new company whose creator is its OWNER; it starts without projects. */
export async function createCompany(userId: string, input: CompanyNameInput) {
  return db().$transaction(async (tx) => {
    const company = await tx.company.create({
      data: { name: input.name, slug: slugFor(input.name), members: { create: { userId, role: "OWNER" } } },
    });
    return loadCompanyView(tx, userId, company.id);
  });
}
