// Demo data: two companies, a demo user with projects in both (the cross-company case), and a
// second user with other projects (for authorization checks). Idempotent.
import { hashPassword } from "../auth/password";
import type { Db } from "../db";
import type { Role } from "../generated/prisma/client";

export const DEMO_USERS = {
  demo: { email: "demo@example.com", password: "demo-password", name: "Dana Demo" },
  other: { email: "sam@example.com", password: "sam-password", name: "Sam Other" },
} as const;

type ProjectSeed = { slug: string; name: string; members: Partial<Record<keyof typeof DEMO_USERS, Role>> };

/**
 * Each company's OWNER; every other person in it gets a company role from the first of its projects
 * they are in: ADMIN if they own that project, else MEMBER (Sam is a MEMBER of Acme).
 */
const COMPANIES: { slug: string; name: string; owner: keyof typeof DEMO_USERS; projects: ProjectSeed[] }[] = [
  {
    slug: "acme",
    owner: "demo",
    name: "Acme Corp",
    projects: [
      { slug: "website-relaunch", name: "Website Relaunch", members: { demo: "OWNER" } },
      { slug: "mobile-app", name: "Mobile App", members: { demo: "MEMBER", other: "COMMENT_ONLY" } },
      { slug: "customer-support", name: "Customer Support", members: { other: "OWNER" } },
    ],
  },
  {
    slug: "globex",
    owner: "other",
    name: "Globex Logistics",
    projects: [
      { slug: "fleet-tracking", name: "Fleet Tracking", members: { demo: "ADMIN" } },
      { slug: "partner-portal", name: "Partner Portal", members: { demo: "VIEW_ONLY" } },
      { slug: "warehouse-ops", name: "Warehouse Ops", members: { other: "OWNER" } },
    ],
  },
];

/** True when the database has no users yet (the dev command seeds only then). */
export async function isEmpty(db: Db): Promise<boolean> {
  return (await db.user.count()) === 0;
}

export async function seedDemoData(db: Db) {
  const users: Record<string, string> = {};
  for (const [key, u] of Object.entries(DEMO_USERS)) {
    const passwordHash = await hashPassword(u.password);
    const user = await db.user.upsert({
      where: { email: u.email },
      update: {},
      create: { email: u.email, name: u.name, passwordHash },
    });
    users[key] = user.id;
  }
  for (const c of COMPANIES) {
    const company = await db.company.upsert({
      where: { slug: c.slug },
      update: {},
      create: { slug: c.slug, name: c.name },
    });
    const companyRoles = new Map<string, Role>([[users[c.owner], "OWNER"]]);
    for (const p of c.projects) {
      const project = await db.project.upsert({
        where: { companyId_slug: { companyId: company.id, slug: p.slug } },
        update: {},
        create: { companyId: company.id, slug: p.slug, name: p.name },
      });
      for (const [key, role] of Object.entries(p.members)) {
        const userId = users[key];
        await db.projectMember.upsert({
          where: { projectId_userId: { projectId: project.id, userId } },
          update: {},
          create: { projectId: project.id, userId, role },
        });
        if (!companyRoles.has(userId)) companyRoles.set(userId, role === "OWNER" ? "ADMIN" : "MEMBER");
      }
    }
    for (const [userId, role] of companyRoles) {
      await db.companyMember.upsert({
        where: { companyId_userId: { companyId: company.id, userId } },
        update: {},
        create: { companyId: company.id, userId, role },
      });
    }
  }
  await seedBoards(db, users);
  return users;
}

const BOARDS: Record<string, { lists: [string, string[]][]; tags: [string, string][] }> = {
  "website-relaunch": {
    lists: [
      ["To do", ["Write the pricing page copy", "Collect customer logos"]],
      ["In progress", ["Redesign the homepage hero"]],
      ["Done", ["Choose the new typeface"]],
    ],
    tags: [
      ["Urgent", "#e5484d"],
      ["Design", "#8e4ec6"],
    ],
  },
  "fleet-tracking": {
    lists: [
      ["Backlog", ["GPS firmware update", "Driver app login bug"]],
      ["This week", ["Route report for March"]],
    ],
    tags: [["Ops", "#0090ff"]],
  },
};

/** Lists, records and tags for the demo boards, only on boards that have no lists yet. */
async function seedBoards(db: Db, users: Record<string, string>) {
  for (const [slug, board] of Object.entries(BOARDS)) {
    const project = await db.project.findFirst({
      where: { slug },
      include: { _count: { select: { todoLists: true } } },
    });
    if (!project || project._count.todoLists > 0) continue;
    await db.tag.createMany({ data: board.tags.map(([title, color]) => ({ projectId: project.id, title, color })) });
    for (const [i, [title, todos]] of board.lists.entries()) {
      const list = await db.todoList.create({ data: { projectId: project.id, title, position: (i + 1) * 65536 } });
      await db.todo.createMany({
        data: todos.map((todoTitle, j) => ({
          projectId: project.id,
          todoListId: list.id,
          title: todoTitle,
          position: (j + 1) * 65536,
          createdById: users.demo,
          done: title === "Done",
        })),
      });
    }
  }
}
