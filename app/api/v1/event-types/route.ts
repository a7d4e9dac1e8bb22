import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { groupedEventTypes } from "@/lib/events/catalog";

// GET /api/v1/event-types — the subscribable event types, grouped as the pickers show them
export const GET = withUser(async () => Response.json({ data: groupedEventTypes() }));

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
