import { beforeAll, describe, expect, it } from "vitest";
import { POST as signIn } from "@/app/api/v1/auth/sign-in/route";
import { GET as projects } from "@/app/api/v1/projects/route";
import { db } from "@/lib/db";
import { DEMO_USERS, seedDemoData } from "@/lib/seed/demo-data";
import { call, cookieFrom, signUp } from "../helpers/http";

async function signInAs(user: { email: string; password: string }) {
  const res = await call(signIn, { body: { email: user.email, password: user.password } });
  expect(res.status).toBe(200);
  return cookieFrom(res);
}

describe("GET /api/v1/projects", () => {
  beforeAll(async () => {
    await seedDemoData(db());
  });

  it("groups the demo user's projects by company, across both companies", async () => {
    const res = await call(projects, { cookie: await signInAs(DEMO_USERS.demo) });
    expect(res.status).toBe(200);
    const summary = res.json.data.map(
      (g: { company: { name: string }; projects: { name: string; role: string }[] }) => ({
        company: g.company.name,
        projects: g.projects.map((p) => `${p.name}:${p.role}`),
      }),
    );
    expect(summary).toEqual([
      { company: "Acme Corp", projects: ["Mobile App:MEMBER", "Website Relaunch:OWNER"] },
      { company: "Globex Logistics", projects: ["Fleet Tracking:ADMIN", "Partner Portal:VIEW_ONLY"] },
    ]);
  });

  it("shows the other user only their own projects", async () => {
    const res = await call(projects, { cookie: await signInAs(DEMO_USERS.other) });
    const names = res.json.data.flatMap((g: { projects: { name: string }[] }) => g.projects.map((p) => p.name));
    expect(names.sort()).toEqual(["Customer Support", "Mobile App", "Warehouse Ops"]);
  });

  it("is empty for a new user and 401 without credentials", async () => {
    const { cookie } = await signUp("noprojects");
    expect((await call(projects, { cookie })).json).toEqual({ data: [] });
    expect((await call(projects)).status).toBe(401);
  });

  it("seeding twice changes nothing", async () => {
    const before = await db().projectMember.count();
    await seedDemoData(db());
    expect(await db().projectMember.count()).toBe(before);
  });
});
