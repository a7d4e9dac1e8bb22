import { withUser } from "@/lib/api/handler";
import { groupedEventTypes } from "@/lib/events/catalog";

// GET /api/v1/event-types — the subscribable event types, grouped as the pickers show them
export const GET = withUser(async () => Response.json({ data: groupedEventTypes() }));
