// A record's value (API responses, board, event payloads) is built by one SQL query: every field,
// relation and ordering is checked here against the rows it comes from.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as board } from "@/app/api/v1/projects/[projectId]/board/route";
import { POST as createField } from "@/app/api/v1/projects/[projectId]/custom-fields/route";
import { POST as createList } from "@/app/api/v1/projects/[projectId]/lists/route";
import { POST as createTag } from "@/app/api/v1/projects/[projectId]/tags/route";
import { POST as createTodo } from "@/app/api/v1/projects/[projectId]/todos/route";
import { PUT as setFieldValue } from "@/app/api/v1/todos/[id]/custom-fields/[fieldId]/route";
import { GET as getTodo } from "@/app/api/v1/todos/[id]/route";
import { db } from "@/lib/db";
import { call, signUp } from "../helpers/http";
import { addMember, createWorkspace } from "../helpers/workspace";

let ws: Awaited<ReturnType<typeof createWorkspace>>;
let cookie: string;
let projectId: string;

beforeAll(async () => {
  ws = await createWorkspace("value");
  cookie = ws.owner.cookie;
  projectId = ws.project.id;
});

const ok = async (route: Parameters<typeof call>[0], options: Parameters<typeof call>[1], status = 200) => {
  const res = await call(route, { cookie, ...options });
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  return res.json;
};

describe("a record's value", () => {
  it("carries every field and relation, sorted, in the API, the board and the event", async () => {
    const list = await ok(createList, { params: { projectId }, body: { title: "Doing" } }, 201);
    const zoe = await signUp("zoe");
    const amy = await signUp("amy");
    await db().user.update({ where: { id: zoe.user.id }, data: { name: "Zoe Zed" } });
    await db().user.update({ where: { id: amy.user.id }, data: { name: "Amy Abe" } });
    await addMember(projectId, zoe.user.id, "MEMBER");
    await addMember(projectId, amy.user.id, "MEMBER");
    const red = await ok(createTag, { params: { projectId }, body: { title: "urgent", color: "#ff0000" } }, 201);
    const blue = await ok(createTag, { params: { projectId }, body: { title: "backend", color: "#0000ff" } }, 201);
    const budget = await ok(createField, { params: { projectId }, body: { name: "Budget", type: "NUMBER" } }, 201);
    const done = await ok(createField, { params: { projectId }, body: { name: "Signed off", type: "CHECKBOX" } }, 201);

    const created = await ok(
      createTodo,
      {
        params: { projectId },
        body: {
          todoListId: list.id,
          title: "Ship it",
          text: "Notes ✓",
          startedAt: "2026-03-01T08:30:00.125Z",
          duedAt: "2026-03-02T17:00:00Z",
          assigneeIds: [zoe.user.id, amy.user.id],
          tagIds: [red.id, blue.id],
          position: 1.5,
        },
      },
      201,
    );
    await ok(setFieldValue, { method: "PUT", params: { id: created.id, fieldId: done.id }, body: { value: true } });
    await ok(setFieldValue, { method: "PUT", params: { id: created.id, fieldId: budget.id }, body: { value: 1200.5 } });

    const row = await db().todo.findUniqueOrThrow({ where: { id: created.id } });
    const expected = {
      id: created.id,
      title: "Ship it",
      text: "Notes ✓",
      position: 1.5,
      startedAt: "2026-03-01T08:30:00.125Z",
      duedAt: "2026-03-02T17:00:00.000Z",
      done: false,
      archived: false,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      createdBy: { id: ws.owner.user.id, name: ws.owner.user.name, email: ws.owner.email },
      todoList: {
        id: list.id,
        title: "Doing",
        project: { id: projectId, name: "Website", company: { id: ws.project.companyId, name: "Acme Test" } },
      },
      assignees: [
        { id: amy.user.id, name: "Amy Abe", email: amy.email },
        { id: zoe.user.id, name: "Zoe Zed", email: zoe.email },
      ],
      tags: [
        { id: blue.id, title: "backend", color: "#0000ff" },
        { id: red.id, title: "urgent", color: "#ff0000" },
      ],
      customFields: [
        { customField: { id: budget.id, name: "Budget", type: "NUMBER" }, value: 1200.5 },
        { customField: { id: done.id, name: "Signed off", type: "CHECKBOX" }, value: true },
      ],
    };
    expect((await ok(getTodo, { params: { id: created.id } })).todo).toEqual(expected);
    const onBoard = (await ok(board, { params: { projectId } })).lists.find((l: { id: string }) => l.id === list.id);
    expect(onBoard.todos).toEqual([expected]);
    const event = await db().event.findFirstOrThrow({
      where: { type: "TODO_CUSTOM_FIELD_UPDATED", projectId },
      orderBy: { sequence: "desc" },
    });
    expect(event.currentValue).toEqual(expected);
    expect(Math.abs(event.occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
  });
});
