// Invitations end to end through the API: the link and its e-mail, the public preview, accepting
// (memberships and PROJECT_MEMBER_ADDED, idempotently) and declining, the e-mail check, expiry,
// revoking and resending (the old link dies), and who may invite whom.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as companyInvitations, POST as invite } from "@/app/api/v1/companies/[companyId]/invitations/route";
import { GET as companyProjects, POST as createProject } from "@/app/api/v1/companies/[companyId]/projects/route";
import { POST as createCompany } from "@/app/api/v1/companies/route";
import { POST as resend } from "@/app/api/v1/invitations/[id]/resend/route";
import { DELETE as revoke } from "@/app/api/v1/invitations/[id]/route";
import { GET as myInvitations } from "@/app/api/v1/invitations/route";
import { POST as accept } from "@/app/api/v1/invite-links/[token]/accept/route";
import { POST as decline } from "@/app/api/v1/invite-links/[token]/decline/route";
import { GET as preview } from "@/app/api/v1/invite-links/[token]/route";
import { db } from "@/lib/db";
import { settlePublishing } from "@/lib/events/publish-events";
import { type CallOptions, call, signUp, uniqueEmail } from "../helpers/http";
import { eventsBy } from "../helpers/workspace";

type User = Awaited<ReturnType<typeof signUp>>;
type Handler = Parameters<typeof call>[0];
const as = (user: User, handler: Handler, opts: CallOptions = {}) => call(handler, { cookie: user.cookie, ...opts });

let owner: User;
let companyId: string;
let projectA: string;
let projectB: string;

const tokenOf = (url: string) => url.split("/invite/")[1];

async function inviteAs(user: User, body: object) {
  return as(user, invite, { params: { companyId }, body, headers: { host: "blue.example.test" } });
}

beforeAll(async () => {
  owner = await signUp("inviter");
  companyId = (await as(owner, createCompany, { body: { name: "Hooli" } })).json.data.id;
  projectA = (await as(owner, createProject, { params: { companyId }, body: { name: "Alpha" } })).json.data.id;
  projectB = (await as(owner, createProject, { params: { companyId }, body: { name: "Beta" } })).json.data.id;
});
afterAll(settlePublishing);

describe("invitations", () => {
  it("writes the e-mail in the invitee's language when they have an account, else in the inviter's", async () => {
    await db().user.update({ where: { id: owner.user.id }, data: { locale: "es" } });
    try {
      const stranger = uniqueEmail("stranger");
      const res = await inviteAs(owner, { email: stranger, role: "MEMBER", projects: [] });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      const [spanish] = await db().outboxEmail.findMany({ where: { to: stranger } });
      expect(spanish.subject).toBe(`${owner.user.name} te ha invitado a Hooli en Blue Webhooks`);
      const until = new Intl.DateTimeFormat("es", { dateStyle: "long", timeZone: "UTC" });
      expect(spanish.text).toContain(`El enlace funciona hasta el ${until.format(new Date(res.json.data.expiresAt))}`);

      const swede = await signUp("swede");
      await db().user.update({ where: { id: swede.user.id }, data: { locale: "sv" } });
      expect((await inviteAs(owner, { email: swede.email, role: "MEMBER", projects: [] })).status).toBe(201);
      const [swedish] = await db().outboxEmail.findMany({ where: { to: swede.email } });
      expect(swedish.subject).toBe(`${owner.user.name} har bjudit in dig till Hooli på Blue Webhooks`);
    } finally {
      await db().user.update({ where: { id: owner.user.id }, data: { locale: null } });
    }
  });

  it("invites into the company and projects: a link, an e-mail in the outbox, a public preview", async () => {
    const email = uniqueEmail("invitee");
    const res = await inviteAs(owner, {
      email: email.toUpperCase(),
      role: "MEMBER",
      projects: [{ projectId: projectA, role: "CLIENT" }],
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const invitation = res.json.data;
    expect(invitation).toMatchObject({
      email,
      role: "MEMBER",
      status: "PENDING",
      projects: [{ id: projectA, name: "Alpha", role: "CLIENT" }],
      invitedBy: { id: owner.user.id },
      company: { id: companyId, name: "Hooli" },
    });
    expect(invitation.url).toMatch(/^http:\/\/blue\.example\.test\/invite\/inv_[\w-]{43}$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const days = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    const stored = await db().invitation.findUniqueOrThrow({
      where: { id: invitation.id },
      omit: { tokenHash: false },
    });
    expect(stored.tokenHash).not.toContain(tokenOf(invitation.url));
    const [mail] = await db().outboxEmail.findMany({ where: { to: email } });
    expect(mail.subject).toContain("Hooli");
    expect(mail.text).toContain(invitation.url);

    const shown = await call(preview, { params: { token: tokenOf(invitation.url) } });
    expect(shown.status).toBe(200);
    expect(shown.json.data).toEqual({
      company: { name: "Hooli" },
      invitedBy: { name: owner.user.name },
      email,
      projects: [{ name: "Alpha" }],
      status: "PENDING",
      expiresAt: invitation.expiresAt,
    });
    expect((await call(preview, { params: { token: "inv_unknown" } })).status).toBe(404);
    const listed = await as(owner, companyInvitations, { params: { companyId } });
    expect(listed.json.data.map((i: { id: string }) => i.id)).toContain(invitation.id);
    const again = await inviteAs(owner, { email, role: "MEMBER" });
    expect(again.status).toBe(409);
  });

  it("the addressee sees it, accepts once (memberships + PROJECT_MEMBER_ADDED), and accepting again changes nothing", async () => {
    const invitee = await signUp("accepting");
    const created = await inviteAs(owner, {
      email: invitee.email,
      role: "ADMIN",
      projects: [
        { projectId: projectA, role: "MEMBER" },
        { projectId: projectB, role: "VIEW_ONLY" },
      ],
    });
    const mine = await as(invitee, myInvitations);
    expect(mine.json.data.map((i: { id: string; url: string }) => [i.id, i.url])).toEqual([
      [created.json.data.id, expect.stringContaining("/invite/inv_")],
    ]);
    const token = tokenOf(created.json.data.url);
    const res = await as(invitee, accept, { params: { token } });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.data).toEqual({
      company: { id: companyId, name: "Hooli" },
      projects: [
        { id: projectA, name: "Alpha", role: "MEMBER" },
        { id: projectB, name: "Beta", role: "VIEW_ONLY" },
      ],
      status: "ACCEPTED",
    });
    const added = (await eventsBy(invitee.user.id)).filter((e) => e.type === "PROJECT_MEMBER_ADDED");
    expect(added.map((e) => e.projectId).sort()).toEqual([projectA, projectB].sort());
    expect(added[0].currentValue).toMatchObject({
      user: { id: invitee.user.id },
      project: { company: { name: "Hooli" } },
    });
    expect(await db().companyMember.findFirst({ where: { companyId, userId: invitee.user.id } })).toMatchObject({
      role: "ADMIN",
    });

    const twice = await as(invitee, accept, { params: { token } });
    expect(twice.json).toEqual(res.json);
    expect(await eventsBy(invitee.user.id)).toHaveLength(2);
    expect((await as(invitee, myInvitations)).json.data).toEqual([]);
    expect((await as(invitee, decline, { params: { token } })).json.error.code).toBe("invitation_closed");
    const names = (await as(invitee, companyProjects, { params: { companyId } })).json.data.map(
      (p: { name: string }) => p.name,
    );
    expect(names).toEqual(["Alpha", "Beta"]);
  });

  it("someone signed in with another e-mail gets a 403 naming both addresses", async () => {
    const created = await inviteAs(owner, { email: uniqueEmail("someone"), role: "MEMBER" });
    const wrong = await signUp("wrong-person");
    const res = await as(wrong, accept, { params: { token: tokenOf(created.json.data.url) } });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toContain(created.json.data.email);
    expect(res.json.error.message).toContain(wrong.email);
    expect((await as(wrong, decline, { params: { token: tokenOf(created.json.data.url) } })).status).toBe(403);
  });

  it("an expired invitation is 410 invitation_expired; resending gives a new link and e-mail, and the old link is dead", async () => {
    const invitee = await signUp("late");
    const created = (await inviteAs(owner, { email: invitee.email, role: "MEMBER" })).json.data;
    await db().invitation.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await as(invitee, accept, { params: { token: tokenOf(created.url) } });
    expect(expired.status).toBe(410);
    expect(expired.json.error.code).toBe("invitation_expired");
    expect((await call(preview, { params: { token: tokenOf(created.url) } })).json.data.status).toBe("EXPIRED");
    expect((await as(invitee, myInvitations)).json.data).toEqual([]);

    const resent = await as(owner, resend, { params: { id: created.id } });
    expect(resent.status).toBe(200);
    expect(resent.json.data.status).toBe("PENDING");
    expect(resent.json.data.url).not.toBe(created.url);
    expect(await db().outboxEmail.count({ where: { to: invitee.email } })).toBe(2);
    expect((await call(preview, { params: { token: tokenOf(created.url) } })).status).toBe(404);
    expect((await as(invitee, accept, { params: { token: tokenOf(created.url) } })).status).toBe(404);
    expect((await as(invitee, accept, { params: { token: tokenOf(resent.json.data.url) } })).status).toBe(200);
    expect((await as(owner, resend, { params: { id: created.id } })).json.error.code).toBe("invitation_closed");
  });

  it("a revoked invitation is 410 invitation_revoked and cannot be resent; a declined one is closed", async () => {
    const invitee = await signUp("revoked");
    const created = (await inviteAs(owner, { email: invitee.email, role: "MEMBER" })).json.data;
    expect((await as(owner, revoke, { method: "DELETE", params: { id: created.id } })).status).toBe(204);
    expect((await as(owner, revoke, { method: "DELETE", params: { id: created.id } })).status).toBe(204);
    const res = await as(invitee, accept, { params: { token: tokenOf(created.url) } });
    expect(res.status).toBe(410);
    expect(res.json.error.code).toBe("invitation_revoked");
    expect((await as(owner, resend, { params: { id: created.id } })).json.error.code).toBe("invitation_revoked");

    const other = await signUp("decliner");
    const second = (await inviteAs(owner, { email: other.email, role: "MEMBER" })).json.data;
    const declined = await as(other, decline, { params: { token: tokenOf(second.url) } });
    expect(declined.json.data.status).toBe("DECLINED");
    expect((await as(other, decline, { params: { token: tokenOf(second.url) } })).status).toBe(200);
    expect((await as(other, accept, { params: { token: tokenOf(second.url) } })).json.error.code).toBe(
      "invitation_closed",
    );
    expect(await db().companyMember.count({ where: { companyId, userId: other.user.id } })).toBe(0);
  });

  it("only company OWNERs and ADMINs invite; an ADMIN invites no OWNER; projects must be the company's (422 naming the field)", async () => {
    const admin = await signUp("inv-admin");
    const member = await signUp("inv-member");
    await db().companyMember.createMany({
      data: [
        { companyId, userId: admin.user.id, role: "ADMIN" },
        { companyId, userId: member.user.id, role: "MEMBER" },
      ],
    });
    const byMember = await inviteAs(member, { email: uniqueEmail("x"), role: "MEMBER" });
    expect(byMember.status).toBe(403);
    expect(byMember.json.error.message).toContain("company OWNER or ADMIN");
    const ownerByAdmin = await inviteAs(admin, { email: uniqueEmail("x"), role: "OWNER" });
    expect(ownerByAdmin.status).toBe(403);
    const projectOwnerByAdmin = await inviteAs(admin, {
      email: uniqueEmail("x"),
      role: "MEMBER",
      projects: [{ projectId: projectA, role: "OWNER" }],
    });
    expect(projectOwnerByAdmin.status).toBe(403);
    const elsewhere = await signUp("inv-elsewhere");
    const foreignCompany = (await as(elsewhere, createCompany, { body: { name: "Foreign" } })).json.data.id;
    const foreign = (await as(elsewhere, createProject, { params: { companyId: foreignCompany }, body: { name: "F" } }))
      .json.data.id;
    const wrongProject = await inviteAs(admin, {
      email: uniqueEmail("x"),
      role: "MEMBER",
      projects: [
        { projectId: projectA, role: "MEMBER" },
        { projectId: foreign, role: "MEMBER" },
      ],
    });
    expect(wrongProject.status).toBe(422);
    expect(Object.keys(wrongProject.json.error.fields)).toEqual(["projects.1.projectId"]);
    const bad = await inviteAs(admin, { email: "not-an-email", role: "CLIENT" });
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["email", "role"]);
    expect((await as(member, companyInvitations, { params: { companyId } })).status).toBe(403);
    expect((await as(elsewhere, companyInvitations, { params: { companyId } })).status).toBe(404);
    const someone = (await inviteAs(admin, { email: uniqueEmail("y"), role: "MEMBER" })).json.data;
    expect((await as(elsewhere, revoke, { method: "DELETE", params: { id: someone.id } })).status).toBe(404);
    expect((await as(member, resend, { params: { id: someone.id } })).status).toBe(403);
  });
});
