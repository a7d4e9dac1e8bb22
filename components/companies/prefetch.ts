// The company queries as the server answers them, with the data the API routes send.
import type { CompanyView } from "@/lib/client/people-types";
import { companyKeys } from "@/lib/client/query-keys";
import { listCompanies } from "@/lib/companies/list-companies";
import { companyListResponse } from "@/lib/validations/company";
import type { ServerQuery } from "../prefetch";

export const companiesQuery = (userId: string): ServerQuery<CompanyView[]> => ({
  queryKey: companyKeys.list(),
  queryFn: async () => companyListResponse.parse({ data: await listCompanies(userId) }).data,
});
