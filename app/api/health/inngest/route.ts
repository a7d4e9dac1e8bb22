import { ApiError } from "@/lib/api/errors";
import { withUser } from "@/lib/api/handler";
import { getPing, sendPing } from "@/lib/health/inngest-ping";

// POST /api/health/inngest — send a ping through Inngest; GET ?id= — has the function completed it?
export const POST = withUser(async () => {
  const ping = await sendPing();
  return Response.json({ id: ping.id, sentAt: ping.sentAt }, { status: 202 });
});

export const GET = withUser(async ({ req }) => {
  const id = new URL(req.url).searchParams.get("id");
  if (!id) throw ApiError.field("id", "is required");
  const ping = await getPing(id);
  if (!ping) throw ApiError.notFound("Ping");
  return Response.json({ id: ping.id, sentAt: ping.sentAt, completedAt: ping.completedAt });
});
