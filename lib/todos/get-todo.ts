import { db, type Tx } from "../db";
import { todoAccess } from "../platform/access";
import { loadTodoValue } from "../platform/load-values";

/** A record with its checklists (and items) and comments, for the record panel. */
export async function getTodo(userId: string, id: string) {
  return db().$transaction((tx) => readTodo(tx, userId, id));
}

async function readTodo(tx: Tx, userId: string, id: string) {
  await todoAccess(tx, userId, id, "read");
  const [todo, checklists, comments] = await Promise.all([
    loadTodoValue(tx, id),
    tx.checklist.findMany({
      where: { todoId: id },
      orderBy: { position: "asc" },
      include: {
        items: {
          orderBy: { position: "asc" },
          include: { assignees: { include: { user: { select: { id: true, name: true, email: true } } } } },
        },
      },
    }),
    tx.comment.findMany({
      where: { todoId: id },
      orderBy: { createdAt: "asc" },
      include: { author: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  return {
    todo,
    checklists: checklists.map((c) => ({
      id: c.id,
      title: c.title,
      position: c.position,
      items: c.items.map((i) => ({
        id: i.id,
        title: i.title,
        done: i.done,
        duedAt: i.duedAt?.toISOString() ?? null,
        position: i.position,
        assignees: i.assignees.map((a) => a.user),
      })),
    })),
    comments: comments.map((c) => ({
      id: c.id,
      text: c.text,
      author: c.author,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    })),
  };
}
