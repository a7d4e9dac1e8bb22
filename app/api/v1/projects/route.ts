import { withUser } from "@/lib/api/handler";
import { respond } from "@/lib/api/response";
import { listProjectGroups } from "@/lib/projects/list-project-groups";
import { projectGroupsResponse } from "@/lib/validations/project";

// GET /api/v1/projects — the caller's projects grouped by company
export const GET = withUser(async ({ user }) =>
  respond(projectGroupsResponse, { data: await listProjectGroups(user.id) }),
);
