// The API token queries as the server answers them, with the data the API route sends.
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { apiTokenKeys } from "@/lib/client/query-keys";
import { type ApiTokenView, apiTokenListResponse } from "@/lib/validations/api-token";
import type { ServerQuery } from "../prefetch";

export const apiTokensQuery = (userId: string): ServerQuery<ApiTokenView[]> => ({
  queryKey: apiTokenKeys.list(),
  queryFn: async () => apiTokenListResponse.parse({ data: await listApiTokens(userId) }).data,
});
