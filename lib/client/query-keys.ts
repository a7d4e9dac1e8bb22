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
