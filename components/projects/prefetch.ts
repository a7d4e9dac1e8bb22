// The project queries as the server answers them, with the data the API routes send.
import { projectKeys } from "@/lib/client/query-keys";
import { listProjectGroups } from "@/lib/projects/list-project-groups";
import { projectGroupsResponse } from "@/lib/validations/project";
import type { ServerQuery } from "../prefetch";
import type { ProjectGroupsView } from "./queries";

export const projectGroupsQuery = (userId: string): ServerQuery<ProjectGroupsView> => ({
  queryKey: projectKeys.groups(),
  queryFn: async () => projectGroupsResponse.parse({ data: await listProjectGroups(userId) }).data,
});
