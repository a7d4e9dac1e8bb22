import { db } from "../db";
import type { ProjectMemberView } from "../validations/people";
import { projectScope } from "./access";

/** A project's members, by name (anyone who can see the project may look). */
export async function listProjectMembers(userId: string, projectId: string): Promise<ProjectMemberView[]> {
  return db().$transaction(async (tx) => {
    await projectScope(tx, userId, projectId);
    const members = await tx.projectMember.findMany({
      where: { projectId },
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    });
    return members.map(({ role, createdAt, user }) => ({ user, role, joinedAt: createdAt }));
  });
}
