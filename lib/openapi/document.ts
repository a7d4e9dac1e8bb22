// The OpenAPI 3.1 document, generated from the same zod schemas the routes parse and serialise
// with. A route missing here is caught by the test that compares this list to app/api/v1.
import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ERROR_STATUS } from "../api/errors";
import { sessionListResponse } from "../auth/sessions/schema";
import {
  checklistItemValue,
  checklistValue,
  commentValue,
  customFieldValue,
  tagValue,
  todoListValue,
  todoValue,
} from "../events/values";
import { changePasswordSchema } from "../users/password-schema";
import { apiTokenListResponse, createApiTokenSchema, createdApiTokenResponse } from "../validations/api-token";
import { boardResponse, todoDetailResponse } from "../validations/board";
import {
  createChecklistItemSchema,
  createChecklistSchema,
  updateChecklistItemSchema,
  updateChecklistSchema,
} from "../validations/checklist";
import { commentSchema } from "../validations/comment";
import { companyListResponse, companyNameSchema, companyResponse } from "../validations/company";
import { createCustomFieldSchema, updateCustomFieldSchema } from "../validations/custom-field";
import {
  deliveryDetailResponse,
  deliveryListQuery,
  deliveryListResponse,
  eventTraceResponse,
  todoEventsResponse,
} from "../validations/delivery";
import {
  createInvitationSchema,
  invitationAnswerResponse,
  invitationListResponse,
  invitationPreviewResponse,
  invitationResponse,
} from "../validations/invitation";
import { noticeListResponse, noticeResponse } from "../validations/notice";
import {
  addProjectMemberSchema,
  companyMemberListResponse,
  companyMemberResponse,
  companyRoleInput,
  projectMemberListResponse,
  projectMemberResponse,
  projectRoleInput,
} from "../validations/people";
import {
  createProjectSchema,
  projectGroupsResponse,
  projectListResponse,
  projectResponse,
  updateProjectSchema,
} from "../validations/project";
import { createTagSchema, updateTagSchema } from "../validations/tag";
import { createTodoSchema, moveTodoSchema, setCustomFieldValueSchema, updateTodoSchema } from "../validations/todo";
import { createTodoListSchema, updateTodoListSchema } from "../validations/todo-list";
import {
  meResponse,
  signInSchema,
  signUpSchema,
  updatedMeResponse,
  updateMeSchema,
  userResponse,
} from "../validations/user";
import {
  activityQuery,
  activityResponse,
  createWebhookSchema,
  replayProgressResponse,
  replaySchema,
  testEventResponse,
  testEventSchema,
  updateWebhookSchema,
  webhookDetailResponse,
  webhookHealthResponse,
  webhookListResponse,
  webhookResponse,
  webhookWithSecretResponse,
} from "../validations/webhook";
import { conditionOptionsQuery, conditionOptionsResponse } from "../validations/webhook-conditions";
import { webhookPreviewDoc, webhookPreviewResponse } from "../validations/webhook-preview";

// Adds .openapi() to zod schemas, which the registry uses to name components.
extendZodWithOpenApi(z);

type Method = "get" | "post" | "put" | "patch" | "delete";
export type Operation = {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  /** The query string's schema, for the routes that read one. */
  query?: z.ZodObject;
  response?: z.ZodType;
  status?: number;
  public?: boolean;
};

const eventTypesResponse = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      events: z.array(z.object({ type: z.string(), label: z.string(), description: z.string() })),
    }),
  ),
});

/** Companies, projects, people, invitations and notices. */
const [companies, projects, people, invitations] = ["Companies", "Projects", "People", "Invitations"];

const PEOPLE_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/companies",
    summary: "Your companies, with your role",
    tag: companies,
    response: companyListResponse,
  },
  {
    method: "post",
    path: "/companies",
    summary: "Create a company (you are its OWNER; it starts without projects)",
    tag: companies,
    body: companyNameSchema,
    response: companyResponse,
    status: 201,
  },
  {
    method: "get",
    path: "/companies/{companyId}",
    summary: "One of your companies",
    tag: companies,
    response: companyResponse,
  },
  {
    method: "patch",
    path: "/companies/{companyId}",
    summary: "Rename a company (OWNER or ADMIN)",
    tag: companies,
    body: companyNameSchema,
    response: companyResponse,
  },
  {
    method: "delete",
    path: "/companies/{companyId}",
    summary: "Delete a company and its projects (OWNER; PROJECT_DELETED for each)",
    tag: companies,
    status: 204,
  },
  {
    method: "get",
    path: "/companies/{companyId}/projects",
    summary: "A company's projects: all for its OWNERs and ADMINs, your own for a MEMBER",
    tag: projects,
    response: projectListResponse,
  },
  {
    method: "post",
    path: "/companies/{companyId}/projects",
    summary: "Create a project (any company member; you are its OWNER; PROJECT_CREATED)",
    tag: projects,
    body: createProjectSchema,
    response: projectResponse,
    status: 201,
  },
  {
    method: "get",
    path: "/projects/{projectId}",
    summary: "A project, with the number of records a delete takes with it",
    tag: projects,
    response: projectResponse,
  },
  {
    method: "patch",
    path: "/projects/{projectId}",
    summary: "Rename (PROJECT_UPDATED), archive or restore (PROJECT_ARCHIVED) a project",
    tag: projects,
    body: updateProjectSchema,
    response: projectResponse,
  },
  {
    method: "delete",
    path: "/projects/{projectId}",
    summary: "Delete a project and its records (project OWNER, company OWNER or ADMIN; PROJECT_DELETED)",
    tag: projects,
    status: 204,
  },
  {
    method: "get",
    path: "/companies/{companyId}/members",
    summary: "A company's people, each with their projects in it",
    tag: people,
    response: companyMemberListResponse,
  },
  {
    method: "patch",
    path: "/companies/{companyId}/members/{userId}",
    summary: "Change a member's company role (OWNER or ADMIN; never the last OWNER's)",
    tag: people,
    body: companyRoleInput,
    response: companyMemberResponse,
  },
  {
    method: "delete",
    path: "/companies/{companyId}/members/{userId}",
    summary: "Remove from the company and its projects; your own id leaves (PROJECT_MEMBER_REMOVED each)",
    tag: people,
    status: 204,
  },
  {
    method: "get",
    path: "/projects/{projectId}/members",
    summary: "A project's people and their roles",
    tag: people,
    response: projectMemberListResponse,
  },
  {
    method: "post",
    path: "/projects/{projectId}/members",
    summary: "Add someone of the project's company (PROJECT_MEMBER_ADDED)",
    tag: people,
    body: addProjectMemberSchema,
    response: projectMemberResponse,
    status: 201,
  },
  {
    method: "patch",
    path: "/projects/{projectId}/members/{userId}",
    summary: "Change a member's project role (PROJECT_MEMBER_ROLE_CHANGED)",
    tag: people,
    body: projectRoleInput,
    response: projectMemberResponse,
  },
  {
    method: "delete",
    path: "/projects/{projectId}/members/{userId}",
    summary: "Remove a member; your own id leaves (PROJECT_MEMBER_REMOVED)",
    tag: people,
    status: 204,
  },
  {
    method: "get",
    path: "/companies/{companyId}/invitations",
    summary: "A company's invitations, newest first (OWNER or ADMIN)",
    tag: invitations,
    response: invitationListResponse,
  },
  {
    method: "post",
    path: "/companies/{companyId}/invitations",
    summary: "Invite an e-mail address into the company and some projects; e-mails and returns the link",
    tag: invitations,
    body: createInvitationSchema,
    response: invitationResponse,
    status: 201,
  },
  {
    method: "get",
    path: "/invitations",
    summary: "The pending invitations addressed to your e-mail address",
    tag: invitations,
    response: invitationListResponse,
  },
  {
    method: "post",
    path: "/invitations/{id}/resend",
    summary: "A new link, expiry and e-mail; the old link stops working",
    tag: invitations,
    response: invitationResponse,
  },
  {
    method: "delete",
    path: "/invitations/{id}",
    summary: "Revoke a pending invitation",
    tag: invitations,
    status: 204,
  },
  {
    method: "get",
    path: "/invite-links/{token}",
    summary: "What an invitation link offers (no sign-in needed)",
    tag: invitations,
    response: invitationPreviewResponse,
    public: true,
  },
  {
    method: "post",
    path: "/invite-links/{token}/accept",
    summary: "Accept an invitation addressed to you: join the company and its projects (PROJECT_MEMBER_ADDED each)",
    tag: invitations,
    response: invitationAnswerResponse,
  },
  {
    method: "post",
    path: "/invite-links/{token}/decline",
    summary: "Decline an invitation addressed to you",
    tag: invitations,
    response: invitationAnswerResponse,
  },
  {
    method: "get",
    path: "/notices",
    summary: "Your notices, newest first",
    tag: "Notices",
    response: noticeListResponse,
  },
  {
    method: "post",
    path: "/notices/{id}/read",
    summary: "Mark one of your notices read",
    tag: "Notices",
    response: noticeResponse,
  },
];

export const OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/auth/sign-up",
    summary: "Create an account and start a session",
    tag: "Auth",
    body: signUpSchema,
    response: userResponse,
    status: 201,
    public: true,
  },
  {
    method: "post",
    path: "/auth/sign-in",
    summary: "Start a session with e-mail and password",
    tag: "Auth",
    body: signInSchema,
    response: userResponse,
    public: true,
  },
  { method: "post", path: "/auth/sign-out", summary: "End the session", tag: "Auth", status: 204, public: true },
  { method: "get", path: "/me", summary: "The authenticated user", tag: "Auth", response: meResponse },
  {
    method: "patch",
    path: "/me",
    summary: "Change your preferences: the app's language (null follows the browser)",
    tag: "Auth",
    body: updateMeSchema,
    response: updatedMeResponse,
  },
  {
    method: "post",
    path: "/me/password",
    summary: "Change your password (ends every other session)",
    tag: "Auth",
    body: changePasswordSchema,
    status: 204,
  },
  {
    method: "get",
    path: "/sessions",
    summary: "Your active sessions, this one marked",
    tag: "Sessions",
    response: sessionListResponse,
  },
  { method: "delete", path: "/sessions", summary: "Sign out everywhere", tag: "Sessions", status: 204 },
  { method: "delete", path: "/sessions/{id}", summary: "End one session", tag: "Sessions", status: 204 },
  {
    method: "get",
    path: "/api-tokens",
    summary: "List your API tokens",
    tag: "API tokens",
    response: apiTokenListResponse,
  },
  {
    method: "post",
    path: "/api-tokens",
    summary: "Create an API token (shown once)",
    tag: "API tokens",
    body: createApiTokenSchema,
    response: createdApiTokenResponse,
    status: 201,
  },
  { method: "delete", path: "/api-tokens/{id}", summary: "Revoke an API token", tag: "API tokens", status: 204 },
  {
    method: "get",
    path: "/projects",
    summary: "Your projects grouped by company",
    tag: "Projects",
    response: projectGroupsResponse,
  },
  ...PEOPLE_OPERATIONS,
  {
    method: "get",
    path: "/projects/{projectId}/board",
    summary: "A project's lists, records, members, tags and custom fields",
    tag: "Projects",
    response: boardResponse,
  },
  {
    method: "post",
    path: "/projects/{projectId}/lists",
    summary: "Add a list (TODO_LIST_CREATED)",
    tag: "Lists",
    body: createTodoListSchema,
    response: todoListValue,
    status: 201,
  },
  {
    method: "patch",
    path: "/lists/{id}",
    summary: "Rename (TODO_LIST_NAME_CHANGED) or reorder a list",
    tag: "Lists",
    body: updateTodoListSchema,
    response: todoListValue,
  },
  { method: "delete", path: "/lists/{id}", summary: "Delete a list and its records", tag: "Lists", status: 204 },
  {
    method: "post",
    path: "/projects/{projectId}/todos",
    summary: "Add a record (TODO_CREATED)",
    tag: "Records",
    body: createTodoSchema,
    response: todoValue,
    status: 201,
  },
  {
    method: "get",
    path: "/todos/{id}",
    summary: "A record with its checklists and comments",
    tag: "Records",
    response: todoDetailResponse,
  },
  {
    method: "patch",
    path: "/todos/{id}",
    summary: "Change a record (one event per Blue type touched)",
    tag: "Records",
    body: updateTodoSchema,
    response: todoValue,
  },
  { method: "delete", path: "/todos/{id}", summary: "Delete a record (TODO_DELETED)", tag: "Records", status: 204 },
  {
    method: "post",
    path: "/todos/{id}/move",
    summary: "Move a record to another list or project (TODO_MOVED)",
    tag: "Records",
    body: moveTodoSchema,
    response: todoValue,
  },
  {
    method: "put",
    path: "/todos/{id}/custom-fields/{fieldId}",
    summary: "Set or clear a custom field value (TODO_CUSTOM_FIELD_UPDATED)",
    tag: "Records",
    body: setCustomFieldValueSchema,
    response: todoValue,
  },
  {
    method: "post",
    path: "/todos/{id}/checklists",
    summary: "Add a checklist (TODO_CHECKLIST_CREATED)",
    tag: "Checklists",
    body: createChecklistSchema,
    response: checklistValue,
    status: 201,
  },
  {
    method: "patch",
    path: "/checklists/{id}",
    summary: "Rename a checklist (TODO_CHECKLIST_NAME_CHANGED)",
    tag: "Checklists",
    body: updateChecklistSchema,
    response: checklistValue,
  },
  {
    method: "delete",
    path: "/checklists/{id}",
    summary: "Delete a checklist (TODO_CHECKLIST_DELETED)",
    tag: "Checklists",
    status: 204,
  },
  {
    method: "post",
    path: "/checklists/{id}/items",
    summary: "Add a checklist item (TODO_CHECKLIST_ITEM_CREATED)",
    tag: "Checklists",
    body: createChecklistItemSchema,
    response: checklistItemValue,
    status: 201,
  },
  {
    method: "patch",
    path: "/checklist-items/{id}",
    summary: "Change a checklist item",
    tag: "Checklists",
    body: updateChecklistItemSchema,
    response: checklistItemValue,
  },
  {
    method: "delete",
    path: "/checklist-items/{id}",
    summary: "Delete a checklist item (TODO_CHECKLIST_ITEM_DELETED)",
    tag: "Checklists",
    status: 204,
  },
  {
    method: "post",
    path: "/todos/{id}/comments",
    summary: "Comment on a record (COMMENT_CREATED)",
    tag: "Comments",
    body: commentSchema,
    response: commentValue,
    status: 201,
  },
  {
    method: "patch",
    path: "/comments/{id}",
    summary: "Edit your comment (COMMENT_UPDATED)",
    tag: "Comments",
    body: commentSchema,
    response: commentValue,
  },
  {
    method: "delete",
    path: "/comments/{id}",
    summary: "Delete a comment (COMMENT_DELETED)",
    tag: "Comments",
    status: 204,
  },
  {
    method: "post",
    path: "/projects/{projectId}/tags",
    summary: "Add a tag (TAG_CREATED)",
    tag: "Tags",
    body: createTagSchema,
    response: tagValue,
    status: 201,
  },
  {
    method: "patch",
    path: "/tags/{id}",
    summary: "Change a tag (TAG_UPDATED)",
    tag: "Tags",
    body: updateTagSchema,
    response: tagValue,
  },
  { method: "delete", path: "/tags/{id}", summary: "Delete a tag (TAG_DELETED)", tag: "Tags", status: 204 },
  {
    method: "post",
    path: "/projects/{projectId}/custom-fields",
    summary: "Add a custom field (CUSTOM_FIELD_CREATED)",
    tag: "Custom fields",
    body: createCustomFieldSchema,
    response: customFieldValue,
    status: 201,
  },
  {
    method: "patch",
    path: "/custom-fields/{id}",
    summary: "Change a custom field (CUSTOM_FIELD_UPDATED)",
    tag: "Custom fields",
    body: updateCustomFieldSchema,
    response: customFieldValue,
  },
  {
    method: "delete",
    path: "/custom-fields/{id}",
    summary: "Delete a custom field (CUSTOM_FIELD_DELETED)",
    tag: "Custom fields",
    status: 204,
  },
  {
    method: "get",
    path: "/event-types",
    summary: "The subscribable event types, grouped",
    tag: "Webhooks",
    response: eventTypesResponse,
  },
  {
    method: "get",
    path: "/event-types/{type}",
    summary: "One event type with its JSON Schema and a sample payload",
    tag: "Webhooks",
  },
  { method: "get", path: "/webhooks", summary: "List your webhooks", tag: "Webhooks", response: webhookListResponse },
  {
    method: "get",
    path: "/webhooks/condition-options",
    summary: "Lists, tags, people and custom fields that conditions can name, of the chosen projects",
    tag: "Webhooks",
    query: conditionOptionsQuery,
    response: conditionOptionsResponse,
  },
  {
    method: "post",
    path: "/webhooks",
    summary: "Create a webhook (the secret is returned once)",
    tag: "Webhooks",
    body: createWebhookSchema,
    response: webhookWithSecretResponse,
    status: 201,
  },
  {
    method: "get",
    path: "/webhooks/{id}",
    summary: "One of your webhooks, with its health",
    tag: "Webhooks",
    response: webhookDetailResponse,
  },
  {
    method: "patch",
    path: "/webhooks/{id}",
    summary: "Change a webhook (events and projectIds replace the whole list)",
    tag: "Webhooks",
    body: updateWebhookSchema,
    response: webhookResponse,
  },
  { method: "delete", path: "/webhooks/{id}", summary: "Delete a webhook", tag: "Webhooks", status: 204 },
  {
    method: "post",
    path: "/webhooks/{id}/disable",
    summary: "Stop deliveries",
    tag: "Webhooks",
    response: webhookResponse,
  },
  {
    method: "post",
    path: "/webhooks/{id}/enable",
    summary: "Resume deliveries",
    tag: "Webhooks",
    response: webhookResponse,
  },
  {
    method: "post",
    path: "/webhooks/{id}/rotate-secret",
    summary: "New secret (shown once); the old one also signs for 24 h",
    tag: "Webhooks",
    response: webhookWithSecretResponse,
  },
  {
    method: "get",
    path: "/webhooks/{id}/health",
    summary: "Health: state, 24 h success rate, latency percentiles, failures until disabled",
    tag: "Webhooks",
    response: webhookHealthResponse,
  },
  {
    method: "post",
    path: "/webhooks/{id}/test",
    summary: "Send a signed test (a sample of an event type, or a recent event it would send); returns the answer",
    tag: "Webhooks",
    body: testEventSchema,
    response: testEventResponse,
  },
  {
    method: "post",
    path: "/webhooks/preview",
    summary: "Preview a selection and conditions against the stored events of the last days (saves nothing)",
    tag: "Webhooks",
    body: webhookPreviewDoc,
    response: webhookPreviewResponse,
  },
  {
    method: "post",
    path: "/webhooks/{id}/replay",
    summary: "Replay the skipped (and failed) deliveries of a time range, as a job with progress",
    tag: "Deliveries",
    body: replaySchema,
    response: replayProgressResponse,
    status: 202,
  },
  {
    method: "post",
    path: "/deliveries/{id}/redeliver",
    summary: "A new chain of attempts with the same body and webhook-id",
    tag: "Deliveries",
    status: 202,
  },
  {
    method: "get",
    path: "/webhooks/{id}/deliveries",
    summary: "The delivery log: filter by status, eventType, projectId, since, until; keyset cursor",
    tag: "Deliveries",
    query: deliveryListQuery,
    response: deliveryListResponse,
  },
  {
    method: "get",
    path: "/deliveries/{id}",
    summary: "One delivery with its body and every attempt",
    tag: "Deliveries",
    response: deliveryDetailResponse,
  },
  {
    method: "get",
    path: "/events/{id}/trace",
    summary: "Why an event was or was not delivered to each of your webhooks",
    tag: "Deliveries",
    response: eventTraceResponse,
  },
  {
    method: "get",
    path: "/webhooks/{id}/activity",
    summary: "Attempts per hour by outcome and median latency (range=24h|7d)",
    tag: "Webhooks",
    query: activityQuery,
    response: activityResponse,
  },
  {
    method: "get",
    path: "/replays/{id}",
    summary: "A replay's progress",
    tag: "Deliveries",
    response: replayProgressResponse,
  },
  {
    method: "post",
    path: "/replays/{id}/cancel",
    summary: "Stop a replay; what was not delivered is skipped again",
    tag: "Deliveries",
    response: replayProgressResponse,
  },
  {
    method: "get",
    path: "/todos/{id}/events",
    summary: "A record's history: its events, newest first",
    tag: "Records",
    response: todoEventsResponse,
  },
];

const errorBody = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [string, ...string[]]),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

function pathParams(path: string) {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  return names.length ? z.object(Object.fromEntries(names.map((n) => [n, z.string()]))) : undefined;
}

export function buildOpenApiDocument(serverUrl = "/api/v1") {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer" });
  registry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "authjs.session-token",
  });
  const error = registry.register("Error", errorBody);
  for (const op of OPERATIONS) {
    const status = op.status ?? 200;
    registry.registerPath({
      method: op.method,
      path: op.path,
      summary: op.summary,
      tags: [op.tag],
      security: op.public ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
      request: {
        params: pathParams(op.path),
        query: op.query,
        body: op.body ? { content: { "application/json": { schema: op.body } } } : undefined,
      },
      responses: {
        [status]: {
          description: status === 204 ? "Done" : "Success",
          content: op.response ? { "application/json": { schema: op.response } } : undefined,
        },
        default: { description: "An error; see the code table", content: { "application/json": { schema: error } } },
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Blue Webhooks API",
      version: "1.0.0",
      description:
        "Granular webhooks for a Blue-style work platform. Authenticate with `Authorization: Bearer <token>` (API tokens) or the session cookie.",
    },
    servers: [{ url: serverUrl }],
  });
}
