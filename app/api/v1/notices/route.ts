import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respond } from "@/lib/api/response";
import { listNotices } from "@/lib/notices/list-notices";
import { noticeListResponse } from "@/lib/validations/notice";

// GET /api/v1/notices — your notices, newest first (webhooks disabled, access lost)
export const GET = withUser(async ({ user }) => respond(noticeListResponse, { data: await listNotices(user.id) }));

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
