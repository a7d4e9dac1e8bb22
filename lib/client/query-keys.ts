// TanStack Query key factories: every cache key is built and invalidated through these.
export const meKeys = {
  all: ["me"] as const,
};

export const projectKeys = {
  all: ["projects"] as const,
  groups: () => [...projectKeys.all, "groups"] as const,
};

export const apiTokenKeys = {
  all: ["api-tokens"] as const,
  list: () => [...apiTokenKeys.all, "list"] as const,
};

export const sessionKeys = {
  all: ["sessions"] as const,
  list: () => [...sessionKeys.all, "list"] as const,
};

export const boardKeys = {
  all: ["boards"] as const,
  detail: (projectId: string) => [...boardKeys.all, projectId] as const,
};

export const todoKeys = {
  all: ["todos"] as const,
  detail: (todoId: string) => [...todoKeys.all, todoId] as const,
  events: (todoId: string) => [...todoKeys.detail(todoId), "events"] as const,
};

export const eventTypeKeys = {
  all: ["event-types"] as const,
  list: () => [...eventTypeKeys.all, "list"] as const,
  detail: (type: string) => [...eventTypeKeys.all, type] as const,
};

export const webhookKeys = {
  all: ["webhooks"] as const,
  list: () => [...webhookKeys.all, "list"] as const,
  detail: (id: string) => [...webhookKeys.all, "detail", id] as const,
  activity: (id: string, range: "24h" | "7d") => [...webhookKeys.detail(id), "activity", range] as const,
};

// The conditions builder's options and its preview, keyed by the selection and the draft they are for.
export const conditionKeys = {
  all: ["webhook-conditions"] as const,
  options: (selection: { allProjects: boolean; projectIds: string[] }) =>
    [...conditionKeys.all, "options", selection] as const,
  preview: (draft: object) => [...conditionKeys.all, "preview", draft] as const,
};

export const deliveryKeys = {
  all: ["deliveries"] as const,
  list: (webhookId: string, filters: { status?: string; eventType?: string; range?: string; projectId?: string }) =>
    [...deliveryKeys.all, "list", webhookId, filters] as const,
  detail: (id: string) => [...deliveryKeys.all, "detail", id] as const,
  trace: (eventId: string) => [...deliveryKeys.all, "trace", eventId] as const,
  replay: (jobId: string) => [...deliveryKeys.all, "replay", jobId] as const,
};

export const companyKeys = {
  all: ["companies"] as const,
  list: () => [...companyKeys.all, "list"] as const,
  detail: (companyId: string) => [...companyKeys.all, "detail", companyId] as const,
  projects: (companyId: string) => [...companyKeys.all, "detail", companyId, "projects"] as const,
  members: (companyId: string) => [...companyKeys.all, "detail", companyId, "members"] as const,
  invitations: (companyId: string) => [...companyKeys.all, "detail", companyId, "invitations"] as const,
};

export const invitationKeys = {
  all: ["invitations"] as const,
  mine: () => [...invitationKeys.all, "mine"] as const,
  link: (token: string) => [...invitationKeys.all, "link", token] as const,
};

export const noticeKeys = {
  all: ["notices"] as const,
  list: () => [...noticeKeys.all, "list"] as const,
};
