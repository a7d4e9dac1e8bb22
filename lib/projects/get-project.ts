import { db } from "../db";
import { projectScope } from "../people/access";
import { loadProjectView } from "./project-values";

/** A project the caller is in or manages through its company, with the records a delete takes. */
export async function getProject(userId: string, projectId: string) {
  return db().$transaction(async (tx) => {
    await projectScope(tx, userId, projectId);
    return loadProjectView(tx, userId, projectId);
  });
}
