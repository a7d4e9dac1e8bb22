// What membership changes do to webhooks, with the real Inngest functions and a real receiver:
// losing a project a webhook names records an access issue (which project, since when), a notice
// and an e-mail, and its events stop (traced ACCESS_REVOKED) while the other projects keep
// delivering; being added back clears it and delivery resumes with no edit; "all my projects"
// picks up projects joined later; deleting a project leaves the webhook valid, saying so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as invite } from "@/app/api/v1/companies/[companyId]/invitations/route";
import { POST as createProject } from "@/app/api/v1/companies/[companyId]/projects/route";
import { POST as createCompany } from "@/app/api/v1/companies/route";
import { GET as traceRoute } from "@/app/api/v1/events/[id]/trace/route";
import { POST as accept } from "@/app/api/v1/invite-links/[token]/accept/route";
import { POST as readNotice } from "@/app/api/v1/notices/[id]/read/route";
import { GET as notices } from "@/app/api/v1/notices/route";
import { POST as createList } from "@/app/api/v1/projects/[projectId]/lists/route";
import { DELETE as removeMember } from "@/app/api/v1/projects/[projectId]/members/[userId]/route";
import { POST as addMember } from "@/app/api/v1/projects/[projectId]/members/route";
import { DELETE as deleteProject } from "@/app/api/v1/projects/[projectId]/route";
import { GET as getWebhook } from "@/app/api/v1/webhooks/[id]/route";
import { POST as createWebhook, GET as listWebhooks } from "@/app/api/v1/webhooks/route";
import { translatorFor } from "@/i18n/translator";
import { db } from "@/lib/db";
import { settlePublishing } from "@/lib/events/publish-events";
import { noticeText } from "@/lib/notices/notice-text";
import { waitFor } from "@/tools/inngest-local/test-support";
import { type CallOptions, call, signUp } from "../helpers/http";
import { type InngestHarness, startInngestHarness } from "../helpers/inngest";
import { startReceiver } from "../helpers/receiver";

type User = Awaited<ReturnType<typeof signUp>>;
type Handler = Parameters<typeof call>[0];
const as = (user: User, handler: Handler, opts: CallOptions = {}) => call(handler, { cookie: user.cookie, ...opts });

let harness: InngestHarness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let alice: User;
let bob: User;
let aliceCompany: string;
let bobCompany: string;
let ownProject: string;
let sharedProject: string;
let named: { id: string };
let everything: { id: string };

async function project(user: User, companyId: string, name: string): Promise<string> {
  const res = await as(user, createProject, { params: { companyId }, body: { name } });
  expect(res.status).toBe(201);
  return res.json.data.id;
}

async function webhook(path: string, selection: object) {
  const res = await as(alice, createWebhook, { body: { name: path, url: `${receiver.url}/${path}`, ...selection } });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json as { id: string };
}

/** A new list in the project, made by `user`: the id of its TODO_LIST_CREATED event. */
async function listCreated(user: User, projectId: string, title: string): Promise<string> {
  const res = await as(user, createList, { params: { projectId }, body: { title } });
  expect(res.status).toBe(201);
  await settlePublishing();
  const event = await db().event.findFirstOrThrow({
    where: { type: "TODO_LIST_CREATED", projectId, actorId: user.user.id },
    orderBy: { sequence: "desc" },
  });
  return event.id;
}

const receivedAt = (path: string, eventId: string) =>
  receiver.requests.some((r) => r.path === `/${path}` && JSON.parse(r.body).id === eventId);

/** The webhook's line in its creator's trace of the event, once the event was processed. */
async function traceOf(eventId: string, webhookId: string) {
  return waitFor("the trace", async () => {
    const res = await as(alice, traceRoute, { params: { id: eventId } });
    expect(res.status).toBe(200);
    const line = res.json.webhooks.find((w: { webhookId: string }) => w.webhookId === webhookId);
    return line.outcome !== "PENDING" && (line as { outcome: string; recorded: boolean });
  });
}

const accessIssues = async (id: string) => (await as(alice, getWebhook, { params: { id } })).json.accessIssues;

beforeAll(async () => {
  harness = await startInngestHarness();
  receiver = await startReceiver({ status: 204 });
  [alice, bob] = await Promise.all([signUp("access-alice"), signUp("access-bob")]);
  aliceCompany = (await as(alice, createCompany, { body: { name: "Alice & Co" } })).json.data.id;
  bobCompany = (await as(bob, createCompany, { body: { name: "Bob Industries" } })).json.data.id;
  ownProject = await project(alice, aliceCompany, "Alice's own");
  sharedProject = await project(bob, bobCompany, "Bob's shared");
  const invitation = await as(bob, invite, {
    params: { companyId: bobCompany },
    body: { email: alice.email, role: "MEMBER", projects: [{ projectId: sharedProject, role: "MEMBER" }] },
  });
  const token = invitation.json.data.url.split("/invite/")[1];
  expect((await as(alice, accept, { params: { token } })).status).toBe(200);
  named = await webhook("named", { projectIds: [ownProject, sharedProject] });
  everything = await webhook("everything", { allProjects: true });
}, 60_000);

afterAll(async () => {
  await settlePublishing();
  await harness?.close();
  await receiver?.close();
});

describe("a webhook's creator loses and regains a project", () => {
  it("removed: the webhook shows the access issue, the creator gets a notice and an e-mail, and that project's events stop", async () => {
    const removedAt = Date.now();
    const res = await as(bob, removeMember, {
      method: "DELETE",
      params: { projectId: sharedProject, userId: alice.user.id },
    });
    expect(res.status).toBe(204);

    const [issue] = await accessIssues(named.id);
    expect(issue).toMatchObject({ projectId: sharedProject, projectName: "Bob's shared", reason: "ACCESS_REVOKED" });
    expect(Date.parse(issue.since)).toBeGreaterThanOrEqual(removedAt - 1000);
    const listed = (await as(alice, listWebhooks)).json.data;
    expect(listed.find((w: { id: string }) => w.id === named.id).accessIssues).toEqual([issue]);
    expect(listed.find((w: { id: string }) => w.id === everything.id).accessIssues).toEqual([]);

    const mine = (await as(alice, notices)).json.data;
    expect(mine[0]).toMatchObject({ kind: "webhook_access_revoked", webhookId: named.id, readAt: null });
    expect(mine[0].title).toContain("Bob's shared");
    expect(mine[0].params).toEqual({ name: "Bob's shared", webhook: "named" });
    const [mail] = await db().outboxEmail.findMany({ where: { to: alice.email, subject: { startsWith: "Webhook" } } });
    expect(mail.subject).toContain("Bob's shared");
    expect(mail.text).toContain("resumes by itself");

    const hidden = await listCreated(bob, sharedProject, "While Alice is away");
    expect(await traceOf(hidden, named.id)).toMatchObject({ outcome: "ACCESS_REVOKED", recorded: true });
    const visible = await listCreated(alice, ownProject, "Still delivered");
    await waitFor("delivery of the other project's event", () => receivedAt("named", visible));
    expect(receivedAt("named", hidden)).toBe(false);
    expect(receivedAt("everything", hidden)).toBe(false);
  }, 60_000);

  it("added back: the access issue is gone and delivery resumes with no edit to the webhook", async () => {
    const res = await as(bob, addMember, {
      params: { projectId: sharedProject },
      body: { userId: alice.user.id, role: "VIEW_ONLY" },
    });
    expect(res.status).toBe(201);
    expect(await accessIssues(named.id)).toEqual([]);
    const back = await listCreated(bob, sharedProject, "Alice is back");
    await waitFor("delivery after access came back", () => receivedAt("named", back) && receivedAt("everything", back));
  }, 60_000);

  it("an 'all my projects' webhook picks up a project its creator joins later", async () => {
    const later = await project(bob, bobCompany, "Joined later");
    await as(bob, addMember, { params: { projectId: later }, body: { userId: alice.user.id, role: "MEMBER" } });
    const event = await listCreated(bob, later, "First list");
    await waitFor("delivery to the all-projects webhook", () => receivedAt("everything", event));
    expect(await traceOf(event, named.id)).toMatchObject({ outcome: "PROJECT_NOT_SELECTED", recorded: false });
  }, 60_000);

  it("a deleted project leaves the webhook valid for its other projects, and the webhook says so (in Spanish for a Spanish reader)", async () => {
    const doomed = await project(alice, aliceCompany, "Doomed");
    const both = await webhook("both", { projectIds: [ownProject, doomed] });
    await db().user.update({ where: { id: alice.user.id }, data: { locale: "es" } });
    expect((await as(alice, deleteProject, { method: "DELETE", params: { projectId: doomed } })).status).toBe(204);
    const [mail] = await db().outboxEmail.findMany({
      where: { to: alice.email, subject: { contains: "Doomed" } },
    });
    expect(mail.subject).toBe("Webhook «both»: se ha eliminado «Doomed»");
    expect(mail.text).toContain("Hola, Test access-alice:");
    const [notice] = (await as(alice, notices)).json.data;
    expect(noticeText(translatorFor("es", "notices"), notice).title).toBe("«Doomed» se ha eliminado");
    const hook = await as(alice, getWebhook, { params: { id: both.id } });
    expect(hook.json).toMatchObject({ enabled: true, projectIds: [ownProject, doomed] });
    expect(hook.json.accessIssues).toEqual([
      { projectId: doomed, projectName: "Doomed", reason: "PROJECT_DELETED", since: expect.any(String) },
    ]);
    expect((await as(alice, notices)).json.data[0]).toMatchObject({
      kind: "webhook_project_deleted",
      webhookId: both.id,
    });
    const event = await listCreated(alice, ownProject, "After the delete");
    await waitFor("delivery for the remaining project", () => receivedAt("both", event));
  }, 60_000);

  it("notices are marked read one by one, and only their owner can", async () => {
    const [latest] = (await as(alice, notices)).json.data;
    expect((await as(bob, readNotice, { params: { id: latest.id } })).status).toBe(404);
    const read = await as(alice, readNotice, { params: { id: latest.id } });
    expect(read.json.data.readAt).not.toBeNull();
    expect((await as(alice, notices)).json.data[0].readAt).toBe(read.json.data.readAt);
  });
});
