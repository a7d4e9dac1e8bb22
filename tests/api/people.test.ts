// Companies, projects and their people through the API: who may do what (404 outside, 403 naming
// the role), the last-owner rule, leaving, and the events membership changes write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PATCH as patchCompanyMember,
  DELETE as removeCompanyMember,
} from "@/app/api/v1/companies/[companyId]/members/[userId]/route";
import { GET as companyMembers } from "@/app/api/v1/companies/[companyId]/members/route";
import { GET as companyProjects, POST as createProject } from "@/app/api/v1/companies/[companyId]/projects/route";
import {
  DELETE as deleteCompany,
  GET as getCompany,
  PATCH as renameCompany,
} from "@/app/api/v1/companies/[companyId]/route";
import { POST as createCompany, GET as listCompanies } from "@/app/api/v1/companies/route";
import { POST as createList } from "@/app/api/v1/projects/[projectId]/lists/route";
import {
  PATCH as patchProjectMember,
  DELETE as removeProjectMember,
} from "@/app/api/v1/projects/[projectId]/members/[userId]/route";
import { POST as addProjectMember, GET as projectMembers } from "@/app/api/v1/projects/[projectId]/members/route";
import {
  DELETE as deleteProject,
  GET as getProject,
  PATCH as patchProject,
} from "@/app/api/v1/projects/[projectId]/route";
import { POST as createTodo } from "@/app/api/v1/projects/[projectId]/todos/route";
import { GET as projectGroups } from "@/app/api/v1/projects/route";
import { db } from "@/lib/db";
import { settlePublishing } from "@/lib/events/publish-events";
import type { Role } from "@/lib/generated/prisma/client";
import { type CallOptions, call, signUp } from "../helpers/http";
import { eventsBy } from "../helpers/workspace";

type User = Awaited<ReturnType<typeof signUp>>;
type Handler = Parameters<typeof call>[0];

const as = (user: User, handler: Handler, opts: CallOptions = {}) => call(handler, { cookie: user.cookie, ...opts });

let owner: User;
let admin: User;
let member: User;
let outsider: User;
let companyId: string;
let projectId: string;

/** A company member with a role, as accepting an invitation makes one (invitations have their own tests). */
async function joinCompany(user: User, role: Role) {
  await db().companyMember.create({ data: { companyId, userId: user.user.id, role } });
}

beforeAll(async () => {
  [owner, admin, member, outsider] = await Promise.all(
    ["owner", "admin", "member", "outsider"].map((l) => signUp(`people-${l}`)),
  );
  const company = await as(owner, createCompany, { body: { name: "Initech" } });
  expect(company.status).toBe(201);
  companyId = company.json.data.id;
  await joinCompany(admin, "ADMIN");
  await joinCompany(member, "MEMBER");
  const project = await as(owner, createProject, { params: { companyId }, body: { name: "Launch" } });
  expect(project.status).toBe(201);
  projectId = project.json.data.id;
});

afterAll(settlePublishing);

describe("companies", () => {
  it("a new company has its creator as OWNER and no projects; only members see it", async () => {
    const mine = await as(outsider, createCompany, { body: { name: "  Solo Ltd  " } });
    expect(mine.status).toBe(201);
    expect(mine.json.data).toMatchObject({ name: "Solo Ltd", role: "OWNER", memberCount: 1, projectCount: 0 });
    expect(mine.json.data.slug).toMatch(/^solo-ltd-[0-9a-f]{8}$/);
    expect((await as(outsider, listCompanies)).json.data.map((c: { name: string }) => c.name)).toEqual(["Solo Ltd"]);
    expect((await as(owner, getCompany, { params: { companyId: mine.json.data.id } })).status).toBe(404);
    const initech = await as(member, getCompany, { params: { companyId } });
    expect(initech.json.data).toMatchObject({ name: "Initech", role: "MEMBER", memberCount: 3, projectCount: 1 });
  });

  it("OWNER and ADMIN rename it; a MEMBER gets a 403 naming the role; a blank name is a 422 on name", async () => {
    const byMember = await as(member, renameCompany, { method: "PATCH", params: { companyId }, body: { name: "X" } });
    expect(byMember.status).toBe(403);
    expect(byMember.json.error.message).toContain("company OWNER or ADMIN");
    expect(byMember.json.error.message).toContain("MEMBER");
    const blank = await as(admin, renameCompany, { method: "PATCH", params: { companyId }, body: { name: " " } });
    expect(blank.status).toBe(422);
    expect(Object.keys(blank.json.error.fields)).toEqual(["name"]);
    const renamed = await as(admin, renameCompany, {
      method: "PATCH",
      params: { companyId },
      body: { name: "Initech Inc" },
    });
    expect(renamed.json.data.name).toBe("Initech Inc");
  });

  it("only an OWNER deletes a company, and its projects go with it (PROJECT_DELETED each)", async () => {
    const doomed = (await as(owner, createCompany, { body: { name: "Doomed" } })).json.data.id;
    await db().companyMember.create({ data: { companyId: doomed, userId: admin.user.id, role: "ADMIN" } });
    const a = (await as(owner, createProject, { params: { companyId: doomed }, body: { name: "A" } })).json.data.id;
    const b = (await as(owner, createProject, { params: { companyId: doomed }, body: { name: "B" } })).json.data.id;
    const byAdmin = await as(admin, deleteCompany, { method: "DELETE", params: { companyId: doomed } });
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.json.error.message).toContain("Only a company OWNER");
    expect((await as(owner, deleteCompany, { method: "DELETE", params: { companyId: doomed } })).status).toBe(204);
    expect(await db().project.count({ where: { id: { in: [a, b] } } })).toBe(0);
    const deleted = (await eventsBy(owner.user.id)).filter((e) => e.type === "PROJECT_DELETED").map((e) => e.projectId);
    expect(deleted).toEqual(expect.arrayContaining([a, b]));
  });
});

describe("projects", () => {
  it("any company member creates one and owns it; outsiders get 404; the board groups include it", async () => {
    const created = await as(member, createProject, { params: { companyId }, body: { name: "Member's" } });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({
      role: "OWNER",
      memberCount: 1,
      recordCount: 0,
      archivedAt: null,
      companyId,
    });
    expect((await as(outsider, createProject, { params: { companyId }, body: { name: "No" } })).status).toBe(404);
    const groups = (await as(member, projectGroups)).json.data;
    expect(groups.flatMap((g: { projects: { name: string }[] }) => g.projects.map((p) => p.name))).toContain(
      "Member's",
    );
    expect((await eventsBy(member.user.id)).map((e) => e.type)).toEqual(["PROJECT_CREATED"]);
  });

  it("company OWNERs and ADMINs see every project, a MEMBER only theirs", async () => {
    const names = async (user: User) =>
      (await as(user, companyProjects, { params: { companyId } })).json.data.map((p: { name: string }) => p.name);
    expect(await names(admin)).toEqual(expect.arrayContaining(["Launch", "Member's"]));
    expect(await names(member)).toEqual(["Member's"]);
    const launch = await as(admin, getProject, { params: { projectId } });
    expect(launch.json.data).toMatchObject({ name: "Launch", role: null });
    expect((await as(member, getProject, { params: { projectId } })).status).toBe(404);
  });

  it("rename and archive emit PROJECT_UPDATED and PROJECT_ARCHIVED; an archived project is read-only and marked in the groups", async () => {
    const p = (await as(owner, createProject, { params: { companyId }, body: { name: "Old name" } })).json.data.id;
    const list = (await as(owner, createList, { params: { projectId: p }, body: { title: "L" } })).json;
    await as(owner, createTodo, { params: { projectId: p }, body: { todoListId: list.id, title: "T" } });
    const before = (await eventsBy(owner.user.id)).length;
    const res = await as(owner, patchProject, {
      method: "PATCH",
      params: { projectId: p },
      body: { name: "New name", archived: true },
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ name: "New name", recordCount: 1 });
    expect(res.json.data.archivedAt).not.toBeNull();
    const events = (await eventsBy(owner.user.id)).slice(before);
    expect(events.map((e) => e.type)).toEqual(["PROJECT_UPDATED", "PROJECT_ARCHIVED"]);
    expect(events[0].previousValue).toMatchObject({ name: "Old name" });
    expect(events[1].currentValue).toMatchObject({ name: "New name", archivedAt: res.json.data.archivedAt });

    const write = await as(owner, createList, { params: { projectId: p }, body: { title: "Nope" } });
    expect(write.status).toBe(409);
    expect(write.json.error.message).toContain("archived");
    const group = (await as(owner, projectGroups)).json.data.flatMap((g: { projects: object[] }) => g.projects);
    expect(group.find((x: { id: string }) => x.id === p).archivedAt).toBe(res.json.data.archivedAt);

    const restored = await as(owner, patchProject, {
      method: "PATCH",
      params: { projectId: p },
      body: { archived: false },
    });
    expect(restored.json.data.archivedAt).toBeNull();
    expect((await as(owner, createList, { params: { projectId: p }, body: { title: "Yes" } })).status).toBe(201);
    const empty = await as(owner, patchProject, { method: "PATCH", params: { projectId: p }, body: {} });
    expect(empty.status).toBe(422);
    const bad = await as(owner, patchProject, { method: "PATCH", params: { projectId: p }, body: { archived: "yes" } });
    expect(Object.keys(bad.json.error.fields)).toEqual(["archived"]);
  });

  it("a project MEMBER cannot rename or delete it (403); its OWNER deletes it with its records", async () => {
    const p = (await as(owner, createProject, { params: { companyId }, body: { name: "Short-lived" } })).json.data.id;
    await as(owner, addProjectMember, { params: { projectId: p }, body: { userId: member.user.id, role: "MEMBER" } });
    const rename = await as(member, patchProject, {
      method: "PATCH",
      params: { projectId: p },
      body: { name: "Mine" },
    });
    expect(rename.status).toBe(403);
    expect(rename.json.error.message).toContain("project OWNER or ADMIN");
    const del = await as(member, deleteProject, { method: "DELETE", params: { projectId: p } });
    expect(del.status).toBe(403);
    expect(del.json.error.message).toContain("Only a project OWNER");
    expect((await as(outsider, deleteProject, { method: "DELETE", params: { projectId: p } })).status).toBe(404);
    expect((await as(owner, deleteProject, { method: "DELETE", params: { projectId: p } })).status).toBe(204);
    expect((await as(owner, getProject, { params: { projectId: p } })).status).toBe(404);
  });
});

describe("people", () => {
  it("adds only people of the company (422 on userId), lists members, and an ADMIN cannot make an OWNER", async () => {
    const notInCompany = await as(owner, addProjectMember, {
      params: { projectId },
      body: { userId: outsider.user.id, role: "MEMBER" },
    });
    expect(notInCompany.status).toBe(422);
    expect(Object.keys(notInCompany.json.error.fields)).toEqual(["userId"]);
    const badRole = await as(owner, addProjectMember, {
      params: { projectId },
      body: { userId: member.user.id, role: "KING" },
    });
    expect(Object.keys(badRole.json.error.fields)).toEqual(["role"]);
    const adminMakesOwner = await as(admin, addProjectMember, {
      params: { projectId },
      body: { userId: member.user.id, role: "OWNER" },
    });
    expect(adminMakesOwner.status).toBe(403);
    expect(adminMakesOwner.json.error.message).toContain("Only an OWNER");
    const added = await as(admin, addProjectMember, {
      params: { projectId },
      body: { userId: member.user.id, role: "VIEW_ONLY" },
    });
    expect(added.status).toBe(201);
    const again = await as(admin, addProjectMember, {
      params: { projectId },
      body: { userId: member.user.id, role: "VIEW_ONLY" },
    });
    expect(again.status).toBe(409);
    const members = await as(member, projectMembers, { params: { projectId } });
    expect(members.json.data.map((m: { user: { id: string }; role: string }) => [m.user.id, m.role])).toEqual(
      expect.arrayContaining([
        [owner.user.id, "OWNER"],
        [member.user.id, "VIEW_ONLY"],
      ]),
    );
    const company = await as(member, companyMembers, { params: { companyId } });
    const me = company.json.data.find((m: { user: { id: string } }) => m.user.id === member.user.id);
    expect(me.projects).toEqual(expect.arrayContaining([{ id: projectId, name: "Launch", role: "VIEW_ONLY" }]));
  });

  it("only OWNER and ADMIN manage people; a VIEW_ONLY member gets a 403 naming their role", async () => {
    const res = await as(member, patchProjectMember, {
      method: "PATCH",
      params: { projectId, userId: member.user.id },
      body: { role: "ADMIN" },
    });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toContain("your role in this project is VIEW_ONLY");
  });

  it("role changes and removals write PROJECT_MEMBER_ROLE_CHANGED and PROJECT_MEMBER_REMOVED; leaving is removing yourself", async () => {
    const before = (await eventsBy(owner.user.id)).length;
    const changed = await as(owner, patchProjectMember, {
      method: "PATCH",
      params: { projectId, userId: member.user.id },
      body: { role: "MEMBER" },
    });
    expect(changed.json.data.role).toBe("MEMBER");
    const [event] = (await eventsBy(owner.user.id)).slice(before);
    expect(event.type).toBe("PROJECT_MEMBER_ROLE_CHANGED");
    expect(event.previousValue).toMatchObject({ role: "VIEW_ONLY", user: { id: member.user.id } });
    expect(event.currentValue).toMatchObject({ role: "MEMBER", project: { id: projectId, name: "Launch" } });

    const left = await as(member, removeProjectMember, {
      method: "DELETE",
      params: { projectId, userId: member.user.id },
    });
    expect(left.status).toBe(204);
    const [removed] = await eventsBy(member.user.id).then((e) => e.filter((x) => x.type === "PROJECT_MEMBER_REMOVED"));
    expect(removed.previousValue).toMatchObject({ role: "MEMBER", user: { id: member.user.id } });
    expect(removed.currentValue).toBeNull();
    expect((await as(member, getProject, { params: { projectId } })).status).toBe(404);
  });

  it("the last OWNER of a project cannot leave, be removed or be demoted (409 last_owner); with a second OWNER they can", async () => {
    const leave = await as(owner, removeProjectMember, {
      method: "DELETE",
      params: { projectId, userId: owner.user.id },
    });
    expect(leave.status).toBe(409);
    expect(leave.json.error.code).toBe("last_owner");
    expect(leave.json.error.message).toContain("last OWNER of the project “Launch”");
    const demote = await as(owner, patchProjectMember, {
      method: "PATCH",
      params: { projectId, userId: owner.user.id },
      body: { role: "ADMIN" },
    });
    expect(demote.json.error.code).toBe("last_owner");
    const byAdmin = await as(admin, removeProjectMember, {
      method: "DELETE",
      params: { projectId, userId: owner.user.id },
    });
    expect(byAdmin.status).toBe(403);

    await as(owner, addProjectMember, { params: { projectId }, body: { userId: member.user.id, role: "OWNER" } });
    const demoted = await as(owner, patchProjectMember, {
      method: "PATCH",
      params: { projectId, userId: owner.user.id },
      body: { role: "ADMIN" },
    });
    expect(demoted.status).toBe(200);
    await as(member, patchProjectMember, {
      method: "PATCH",
      params: { projectId, userId: owner.user.id },
      body: { role: "OWNER" },
    });
  });

  it("company roles: ADMIN cannot touch an OWNER, the last company OWNER stays, and removal takes the person out of every project", async () => {
    const adminDemotesOwner = await as(admin, patchCompanyMember, {
      method: "PATCH",
      params: { companyId, userId: owner.user.id },
      body: { role: "MEMBER" },
    });
    expect(adminDemotesOwner.status).toBe(403);
    const clientRole = await as(owner, patchCompanyMember, {
      method: "PATCH",
      params: { companyId, userId: member.user.id },
      body: { role: "CLIENT" },
    });
    expect(clientRole.status).toBe(422);
    expect(clientRole.json.error.fields.role[0]).toContain("OWNER, ADMIN or MEMBER");
    const lastOwner = await as(owner, removeCompanyMember, {
      method: "DELETE",
      params: { companyId, userId: owner.user.id },
    });
    expect(lastOwner.json.error.code).toBe("last_owner");
    expect(lastOwner.json.error.message).toContain("company");
    const lastDemote = await as(owner, patchCompanyMember, {
      method: "PATCH",
      params: { companyId, userId: owner.user.id },
      body: { role: "ADMIN" },
    });
    expect(lastDemote.json.error.code).toBe("last_owner");

    // The member is the project's second OWNER: the project keeps one when they go.
    const promoted = await as(owner, patchCompanyMember, {
      method: "PATCH",
      params: { companyId, userId: member.user.id },
      body: { role: "ADMIN" },
    });
    expect(promoted.json.data).toMatchObject({
      role: "ADMIN",
      projects: expect.arrayContaining([{ id: projectId, name: "Launch", role: "OWNER" }]),
    });
    // They are also the only OWNER of the project they created: that project would be left without one.
    const remove = () =>
      as(owner, removeCompanyMember, { method: "DELETE", params: { companyId, userId: member.user.id } });
    const refused = await remove();
    expect(refused.json.error.code).toBe("last_owner");
    expect(refused.json.error.message).toContain("“Member's”");
    const theirs = (await as(owner, companyProjects, { params: { companyId } })).json.data.find(
      (p: { name: string }) => p.name === "Member's",
    );
    const self = { projectId: theirs.id };
    expect(
      (await as(owner, addProjectMember, { params: self, body: { userId: owner.user.id, role: "OWNER" } })).status,
    ).toBe(201);
    const before = (await eventsBy(owner.user.id)).length;
    expect((await remove()).status).toBe(204);
    const events = (await eventsBy(owner.user.id)).slice(before);
    expect(events.map((e) => e.type)).toEqual(["PROJECT_MEMBER_REMOVED", "PROJECT_MEMBER_REMOVED"]);
    expect(await db().projectMember.count({ where: { userId: member.user.id, project: { companyId } } })).toBe(0);
    expect((await as(member, getCompany, { params: { companyId } })).status).toBe(404);
  });

  it("a company member leaves by removing themselves; an outsider gets 404 everywhere", async () => {
    expect(
      (await as(admin, removeCompanyMember, { method: "DELETE", params: { companyId, userId: admin.user.id } })).status,
    ).toBe(204);
    expect((await as(admin, companyMembers, { params: { companyId } })).status).toBe(404);
    expect((await as(outsider, projectMembers, { params: { projectId } })).status).toBe(404);
    expect(
      (await as(outsider, removeCompanyMember, { method: "DELETE", params: { companyId, userId: owner.user.id } }))
        .status,
    ).toBe(404);
  });
});
