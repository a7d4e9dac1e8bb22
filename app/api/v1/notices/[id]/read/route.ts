import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respond } from "@/lib/api/response";
import { markNoticeRead } from "@/lib/notices/mark-notice-read";
import { noticeResponse } from "@/lib/validations/notice";

// POST /api/v1/notices/{id}/read — mark one of your notices read
export const POST = withUser<{ id: string }>(async ({ user, params }) =>
  respond(noticeResponse, { data: await markNoticeRead(user.id, params.id) }),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
