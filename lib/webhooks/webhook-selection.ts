// Resolving a webhook's event and project selection ("all", or an explicit list) and checking
// that the creator belongs to every project named.
import { ApiError } from "../api/errors";
import type { Tx } from "../db";

type Current = { allEvents: boolean; events: string[]; allProjects: boolean; projectIds: string[] };
type Input = { allEvents?: boolean; events?: string[]; allProjects?: boolean; projectIds?: string[] };

/** An empty or missing list means "all", as in Blue; a list given alone turns "all" off. */
export function resolveSelection(current: Current, input: Input): Current {
  const allEvents = input.allEvents ?? (input.events !== undefined ? input.events.length === 0 : current.allEvents);
  const allProjects =
    input.allProjects ?? (input.projectIds !== undefined ? input.projectIds.length === 0 : current.allProjects);
  const events = allEvents ? [] : (input.events ?? current.events);
  const projectIds = allProjects ? [] : (input.projectIds ?? current.projectIds);
  if (!allEvents && events.length === 0) throw ApiError.field("events", "choose at least one event, or all events");
  if (!allProjects && projectIds.length === 0)
    throw ApiError.field("projectIds", "choose at least one project, or all projects");
  return { allEvents, events, allProjects, projectIds };
}

export async function requireMembership(tx: Tx, userId: string, projectIds: string[]) {
  if (projectIds.length === 0) return;
  const found = await tx.projectMember.findMany({
    where: { userId, projectId: { in: projectIds } },
    select: { projectId: true },
  });
  const mine = new Set(found.map((m) => m.projectId));
  const missing = projectIds.filter((id) => !mine.has(id));
  if (missing.length)
    throw ApiError.field("projectIds", `you are not a member of these projects: ${missing.join(", ")}`);
}
