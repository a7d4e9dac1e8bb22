// Roles, transactions and bad input on the work platform API.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as board } from "@/app/api/v1/projects/[projectId]/board/route";
import { POST as createField } from "@/app/api/v1/projects/[projectId]/custom-fields/route";
import { POST as createList } from "@/app/api/v1/projects/[projectId]/lists/route";
import { POST as createTag } from "@/app/api/v1/projects/[projectId]/tags/route";
import { POST as createTodo } from "@/app/api/v1/projects/[projectId]/todos/route";
import { POST as createComment } from "@/app/api/v1/todos/[id]/comments/route";
import { PUT as setFieldValue } from "@/app/api/v1/todos/[id]/custom-fields/[fieldId]/route";
import { POST as moveTodo } from "@/app/api/v1/todos/[id]/move/route";
import { PATCH as patchTodo } from "@/app/api/v1/todos/[id]/route";
import { db } from "@/lib/db";
import { withEvents } from "@/lib/events/outbox";
import type { Role } from "@/lib/generated/prisma/client";
import { call, signUp } from "../helpers/http";
import { addMember, createProject, createWorkspace } from "../helpers/workspace";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
let listId: string;
let todoId: string;

beforeAll(async () => {
  ws = await createWorkspace("rules");
  const cookie = ws.owner.cookie;
  listId = (await call(createList, { cookie, params: { projectId: ws.project.id }, body: { title: "Doing" } })).json.id;
  todoId = (
    await call(createTodo, {
      cookie,
      params: { projectId: ws.project.id },
      body: { todoListId: listId, title: "Base" },
    })
  ).json.id;
});

/** What this file's workspace holds (other test files write to the same database in parallel). */
async function counts() {
  const projectId = { in: [ws.project.id, ws.otherProject.id] };
  const [todos, lists, events] = await Promise.all([
    db().todo.count({ where: { projectId } }),
    db().todoList.count({ where: { projectId } }),
    db().event.count({ where: { projectId } }),
  ]);
  return { todos, lists, events };
}

describe("roles", () => {
  const matrix: [Role, { list: number; todo: number; comment: number; tag: number; field: number }][] = [
    ["OWNER", { list: 201, todo: 201, comment: 201, tag: 201, field: 201 }],
    ["ADMIN", { list: 201, todo: 201, comment: 201, tag: 201, field: 201 }],
    ["MEMBER", { list: 201, todo: 201, comment: 201, tag: 201, field: 403 }],
    ["CLIENT", { list: 403, todo: 201, comment: 201, tag: 403, field: 403 }],
    ["COMMENT_ONLY", { list: 403, todo: 403, comment: 201, tag: 403, field: 403 }],
    ["VIEW_ONLY", { list: 403, todo: 403, comment: 403, tag: 403, field: 403 }],
  ];

  it.each(matrix)("%s", async (role, expected) => {
    const user = await signUp(role.toLowerCase());
    await addMember(ws.project.id, user.user.id, role);
    const cookie = user.cookie;
    const projectId = ws.project.id;
    const before = await db().event.count({ where: { actorId: user.user.id } });
    const statuses = {
      list: (await call(createList, { cookie, params: { projectId }, body: { title: "L" } })).status,
      todo: (await call(createTodo, { cookie, params: { projectId }, body: { todoListId: listId, title: "T" } }))
        .status,
      comment: (await call(createComment, { cookie, params: { id: todoId }, body: { text: "hi" } })).status,
      tag: (await call(createTag, { cookie, params: { projectId }, body: { title: "x", color: "#000000" } })).status,
      field: (await call(createField, { cookie, params: { projectId }, body: { name: "F", type: "CHECKBOX" } })).status,
    };
    expect(statuses).toEqual(expected);
    expect((await call(board, { cookie, params: { projectId } })).status).toBe(200);
    const allowed = Object.values(expected).filter((s) => s === 201).length;
    expect(await db().event.count({ where: { actorId: user.user.id } })).toBe(before + allowed);
  });

  it("answers 403 with the role named", async () => {
    const viewer = await signUp("viewer");
    await addMember(ws.project.id, viewer.user.id, "VIEW_ONLY");
    const res = await call(patchTodo, {
      method: "PATCH",
      cookie: viewer.cookie,
      params: { id: todoId },
      body: { done: true },
    });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toBe("Your role in this project (VIEW_ONLY) cannot change records in this project");
  });

  it("hides projects and records from non-members with 404", async () => {
    const stranger = await signUp("stranger");
    const cookie = stranger.cookie;
    expect((await call(board, { cookie, params: { projectId: ws.project.id } })).status).toBe(404);
    const res = await call(patchTodo, { method: "PATCH", cookie, params: { id: todoId }, body: { title: "mine" } });
    expect(res.status).toBe(404);
    expect(res.json.error.message).toBe("Record not found");
  });
});

describe("transactions", () => {
  it("a failure inside the mutation leaves neither the change nor its event", async () => {
    const before = await counts();
    await expect(
      withEvents(ws.owner.user.id, async (tx, emit) => {
        const list = await tx.todoList.create({ data: { projectId: ws.project.id, title: "Doomed", position: 1 } });
        emit({
          type: "TODO_LIST_CREATED",
          companyId: ws.project.companyId,
          projectId: ws.project.id,
          previousValue: null,
          currentValue: list,
        });
        throw new Error("boom after the write");
      }),
    ).rejects.toThrow("boom after the write");
    expect(await counts()).toEqual(before);
  });

  it("a failure writing the event rolls the change back", async () => {
    const before = await counts();
    await expect(
      withEvents(ws.owner.user.id, async (tx, emit) => {
        await tx.todoList.create({ data: { projectId: ws.project.id, title: "Doomed too", position: 2 } });
        emit({
          type: "TODO_LIST_CREATED",
          companyId: "x".repeat(10),
          projectId: null as unknown as string,
          previousValue: null,
          currentValue: {},
        });
      }),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });
});

describe("bad input gets a 4xx naming the field and writes nothing", () => {
  it.each([
    ["an unknown list", { todoListId: "nope", title: "x" }, "todoListId", 422],
    ["an invalid date", { todoListId: "LIST", title: "x", duedAt: "2026-13-45" }, "duedAt", 422],
    [
      "a due date before the start",
      { todoListId: "LIST", title: "x", startedAt: "2026-06-10", duedAt: "2026-06-01" },
      "duedAt",
      422,
    ],
    ["an over-long title", { todoListId: "LIST", title: "x".repeat(501) }, "title", 422],
    ["a non-member assignee", { todoListId: "LIST", title: "x", assigneeIds: ["someone-else"] }, "assigneeIds", 422],
    ["an unknown field", { todoListId: "LIST", title: "x", priority: 1 }, "priority", 422],
  ])("creating a record with %s", async (_label, body, field, status) => {
    const before = await counts();
    const payload = JSON.parse(JSON.stringify(body).replace('"LIST"', JSON.stringify(listId)));
    const res = await call(createTodo, {
      cookie: ws.owner.cookie,
      params: { projectId: ws.project.id },
      body: payload,
    });
    expect(res.status).toBe(status);
    expect(Object.keys(res.json.error.fields)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it("a list of another project", async () => {
    const other = await createProject("Elsewhere", "Other");
    const foreignList = await db().todoList.create({ data: { projectId: other.id, title: "Theirs", position: 1 } });
    const before = await counts();
    const res = await call(createTodo, {
      cookie: ws.owner.cookie,
      params: { projectId: ws.project.id },
      body: { todoListId: foreignList.id, title: "x" },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.fields.todoListId).toEqual(["is not a list of this project"]);
    const move = await call(moveTodo, {
      cookie: ws.owner.cookie,
      params: { id: todoId },
      body: { todoListId: foreignList.id },
    });
    expect(move.status).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it("a custom field value of the wrong type, and a field of another project", async () => {
    const cookie = ws.owner.cookie;
    const number = (
      await call(createField, { cookie, params: { projectId: ws.project.id }, body: { name: "Hours", type: "NUMBER" } })
    ).json;
    const select = (
      await call(createField, {
        cookie,
        params: { projectId: ws.project.id },
        body: { name: "Stage", type: "SELECT_SINGLE", options: [{ title: "Open" }, { title: "Closed" }] },
      })
    ).json;
    const before = await counts();
    const wrong = await call(setFieldValue, {
      method: "PUT",
      cookie,
      params: { id: todoId, fieldId: number.id },
      body: { value: "ten" },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.fields.value[0]).toBe("must be a number for a NUMBER field");
    const badOption = await call(setFieldValue, {
      method: "PUT",
      cookie,
      params: { id: todoId, fieldId: select.id },
      body: { value: "opt_x" },
    });
    expect(badOption.status).toBe(422);
    expect(badOption.json.error.fields.value[0]).toContain("must be one of the field's option ids");
    const otherProjectField = await db().customField.create({
      data: { projectId: ws.otherProject.id, name: "Theirs", type: "NUMBER", position: 1 },
    });
    const foreign = await call(setFieldValue, {
      method: "PUT",
      cookie,
      params: { id: todoId, fieldId: otherProjectField.id },
      body: { value: 3 },
    });
    expect(foreign.status).toBe(404);
    expect(await counts()).toEqual(before);
    const good = await call(setFieldValue, {
      method: "PUT",
      cookie,
      params: { id: todoId, fieldId: select.id },
      body: { value: select.options[1].id },
    });
    expect(good.status).toBe(200);
  });

  it("an empty PATCH", async () => {
    const res = await call(patchTodo, { method: "PATCH", cookie: ws.owner.cookie, params: { id: todoId }, body: {} });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toContain("send at least one field to change");
  });
});
