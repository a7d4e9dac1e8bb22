import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respond } from "@/lib/api/response";
import { listProjectGroups } from "@/lib/projects/list-project-groups";
import { projectGroupsResponse } from "@/lib/validations/project";

// GET /api/v1/projects — the caller's projects grouped by company
export const GET = withUser(async ({ user }) =>
  respond(projectGroupsResponse, { data: await listProjectGroups(user.id) }),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
