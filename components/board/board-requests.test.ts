import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boardRequests } from "./board-requests";

const API_ROOT = path.resolve("app");

/** The route file a request path reaches: a literal folder where one exists, else the dynamic `[param]` one. */
function routeFile(requestPath: string) {
  let dir = API_ROOT;
  for (const segment of requestPath.split("/").filter(Boolean)) {
    const literal = path.join(dir, segment);
    if (existsSync(literal)) {
      dir = literal;
      continue;
    }
    const dynamic = readdirSync(dir).filter((name) => /^\[[^.\]]+\]$/.test(name));
    if (dynamic.length !== 1) return null;
    dir = path.join(dir, dynamic[0]);
  }
  const file = path.join(dir, "route.ts");
  return existsSync(file) ? file : null;
}

const ID = "c0ffee";
const calls = Object.entries({
  addList: boardRequests.addList(ID, "Later"),
  renameList: boardRequests.renameList(ID, "Soon"),
  deleteList: boardRequests.deleteList(ID),
  addTodo: boardRequests.addTodo(ID, ID, "Write"),
  moveTodo: boardRequests.moveTodo(ID, ID),
  updateTodo: boardRequests.updateTodo(ID, { done: true }),
  deleteTodo: boardRequests.deleteTodo(ID),
  setCustomField: boardRequests.setCustomField(ID, ID, 3),
  addChecklist: boardRequests.addChecklist(ID, "Steps"),
  renameChecklist: boardRequests.renameChecklist(ID, "Steps"),
  deleteChecklist: boardRequests.deleteChecklist(ID),
  addChecklistItem: boardRequests.addChecklistItem(ID, { title: "One" }),
  updateChecklistItem: boardRequests.updateChecklistItem(ID, { done: true }),
  deleteChecklistItem: boardRequests.deleteChecklistItem(ID),
  addComment: boardRequests.addComment(ID, "Hello"),
  deleteComment: boardRequests.deleteComment(ID),
});

describe("boardRequests", () => {
  it.each(calls)("%s calls a route that answers its method", (_name, request) => {
    const file = routeFile(request.path);
    expect(file, request.path).not.toBeNull();
    expect(readFileSync(file as string, "utf8")).toMatch(new RegExp(`export const ${request.method} = with`));
  });

  it("sends each change's own fields as the body", () => {
    expect(boardRequests.addTodo("p", "l", "Write").body).toEqual({ todoListId: "l", title: "Write" });
    expect(boardRequests.setCustomField("t", "f", null).body).toEqual({ value: null });
    expect(boardRequests.updateTodo("t", { tagIds: [] }).body).toEqual({ tagIds: [] });
    expect(boardRequests.deleteTodo("t").body).toBeUndefined();
  });

  it("keeps any id inside its own path segment", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (id) => {
        const { path: requestPath } = boardRequests.renameChecklist(id, "x");
        expect(requestPath.split("/")).toHaveLength(5);
        expect(decodeURIComponent(requestPath.split("/")[4])).toBe(id);
      }),
    );
  });
});
