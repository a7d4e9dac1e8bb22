import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { noContent, respond } from "@/lib/api/response";
import { deleteProject } from "@/lib/projects/delete-project";
import { getProject } from "@/lib/projects/get-project";
import { updateProject } from "@/lib/projects/update-project";
import { projectResponse, updateProjectSchema } from "@/lib/validations/project";

type Params = { projectId: string };

// GET /api/v1/projects/{projectId} — a project, with the number of records a delete takes with it
export const GET = withUser<Params>(async ({ user, params }) =>
  respond(projectResponse, { data: await getProject(user.id, params.projectId) }),
);

// PATCH /api/v1/projects/{projectId} — rename (PROJECT_UPDATED), archive or restore (PROJECT_ARCHIVED)
export const PATCH = withUser<Params>(async ({ req, user, params }) => {
  const project = await updateProject(user.id, params.projectId, await readJson(req, updateProjectSchema));
  return respond(projectResponse, { data: project });
});

// DELETE /api/v1/projects/{projectId} — delete the project and its records (PROJECT_DELETED)
export const DELETE = withUser<Params>(async ({ user, params }) => {
  await deleteProject(user.id, params.projectId);
  return noContent();
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT } = otherMethods({ GET, PATCH, DELETE });
