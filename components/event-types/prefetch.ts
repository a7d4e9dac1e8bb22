// The event catalog as the server answers it (GET /api/v1/event-types sends the same groups).
import { eventTypeKeys } from "@/lib/client/query-keys";
import { groupedEventTypes } from "@/lib/events/catalog";
import type { ServerQuery } from "../prefetch";
import type { EventTypeGroups } from "./queries";

export const eventTypeGroupsQuery = (): ServerQuery<EventTypeGroups> => ({
  queryKey: eventTypeKeys.list(),
  queryFn: async () => groupedEventTypes(),
});
