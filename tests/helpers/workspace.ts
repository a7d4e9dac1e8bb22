// Test fixtures for the work platform: a user owning a project in one company, another project
// in a second company, and helpers to add members with a given role.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { signUp } from "./http";

export async function createProject(companyName: string, projectName: string) {
  const suffix = randomUUID().slice(0, 8);
  const company = await db().company.create({ data: { name: companyName, slug: `c-${suffix}` } });
  return db().project.create({ data: { companyId: company.id, name: projectName, slug: `p-${suffix}` } });
}

export async function addMember(projectId: string, userId: string, role: Role) {
  await db().projectMember.create({ data: { projectId, userId, role } });
}

export async function createWorkspace(label = "owner") {
  const owner = await signUp(label);
  const project = await createProject("Acme Test", "Website");
  const otherProject = await createProject("Globex Test", "Fleet");
  await addMember(project.id, owner.user.id, "OWNER");
  await addMember(otherProject.id, owner.user.id, "MEMBER");
  return { owner, project, otherProject };
}

/** The events a user caused, oldest first. */
export function eventsBy(actorId: string) {
  return db().event.findMany({ where: { actorId }, orderBy: { sequence: "asc" } });
}
