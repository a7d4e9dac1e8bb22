import { ApiError } from "../api/errors";
import type { Tx } from "../db";

/** A member of the project, or 404. */
export async function projectMember(tx: Tx, projectId: string, memberId: string) {
  const member = await tx.projectMember.findUnique({
    where: { projectId_userId: { projectId, userId: memberId } },
    select: { role: true, createdAt: true },
  });
  if (!member) throw ApiError.notFound("Member");
  return member;
}
