// The account queries as the server answers them, with the data the API routes send.
import { listSessions } from "@/lib/auth/sessions/list-sessions";
import { type SessionView, sessionListResponse } from "@/lib/auth/sessions/schema";
import { sessionKeys } from "@/lib/client/query-keys";
import type { ServerQuery } from "../prefetch";

/** The user's active sessions, `currentSessionId` (the one the page's request carries) marked `current`. */
export const sessionsQuery = (userId: string, currentSessionId: string | null): ServerQuery<SessionView[]> => ({
  queryKey: sessionKeys.list(),
  queryFn: async () => sessionListResponse.parse({ data: await listSessions(userId, currentSessionId) }).data,
});
