import { withEvents } from "../events/outbox";
import { projectScope, requireProjectManager } from "../people/access";
import type { UpdateProjectInput } from "../validations/project";
import { loadProjectValue, loadProjectView } from "./project-values";

/**
 * Rename (PROJECT_UPDATED), archive or restore (PROJECT_ARCHIVED) a project: its OWNERs and
 * ADMINs, and its company's. An archived project is read-only until restored.
 */
export async function updateProject(userId: string, projectId: string, input: UpdateProjectInput) {
  return withEvents(userId, async (tx, emit) => {
    const scope = await projectScope(tx, userId, projectId);
    requireProjectManager(scope, "rename, archive or restore the project");
    const where = { companyId: scope.project.companyId, projectId };
    const before = await loadProjectValue(tx, projectId);
    if (input.name !== undefined && input.name !== scope.project.name) {
      await tx.project.update({ where: { id: projectId }, data: { name: input.name } });
      const renamed = await loadProjectValue(tx, projectId);
      emit({ type: "PROJECT_UPDATED", ...where, previousValue: before, currentValue: renamed });
    }
    if (input.archived !== undefined && input.archived !== (scope.project.archivedAt !== null)) {
      const previous = await loadProjectValue(tx, projectId);
      await tx.project.update({ where: { id: projectId }, data: { archivedAt: input.archived ? new Date() : null } });
      const current = await loadProjectValue(tx, projectId);
      emit({ type: "PROJECT_ARCHIVED", ...where, previousValue: previous, currentValue: current });
    }
    return loadProjectView(tx, userId, projectId);
  });
}
