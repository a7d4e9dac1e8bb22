import { slugFor } from "../companies/slug";
import { withEvents } from "../events/outbox";
import { companyRole } from "../people/access";
import type { CreateProjectInput } from "../validations/project";
import { loadProjectValue, loadProjectView } from "./project-values";

/**
 * A new project in a company (any member of the company may create one: OWNER, ADMIN or
 * MEMBER); its creator is its OWNER (PROJECT_CREATED). "All my projects" webhooks of the creator
 * cover it at once, as matching reads membership.
 */
export async function createProject(userId: string, companyId: string, input: CreateProjectInput) {
  return withEvents(userId, async (tx, emit) => {
    await companyRole(tx, userId, companyId);
    const project = await tx.project.create({
      data: { companyId, name: input.name, slug: slugFor(input.name), members: { create: { userId, role: "OWNER" } } },
    });
    const value = await loadProjectValue(tx, project.id);
    emit({ type: "PROJECT_CREATED", companyId, projectId: project.id, previousValue: null, currentValue: value });
    return loadProjectView(tx, userId, project.id);
  });
}
