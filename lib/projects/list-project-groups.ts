import { db } from "../db";
import type { ProjectGroups } from "../validations/project";

/** The projects the user is a member of (archived ones too, marked), grouped by company, both sorted by name. */
export async function listProjectGroups(userId: string): Promise<ProjectGroups> {
  const memberships = await db().projectMember.findMany({
    where: { userId },
    include: { project: { include: { company: true } } },
    orderBy: [{ project: { company: { name: "asc" } } }, { project: { name: "asc" } }],
  });
  const groups = new Map<string, ProjectGroups[number]>();
  for (const { project, role } of memberships) {
    const { company } = project;
    let group = groups.get(company.id);
    if (!group) {
      group = { company: { id: company.id, name: company.name, slug: company.slug }, projects: [] };
      groups.set(company.id, group);
    }
    group.projects.push({
      id: project.id,
      name: project.name,
      slug: project.slug,
      role,
      archivedAt: project.archivedAt,
    });
  }
  return [...groups.values()];
}
