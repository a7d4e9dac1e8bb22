import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respond } from "@/lib/api/response";
import { meResponse } from "@/lib/validations/user";

// GET /api/v1/me — the authenticated user, and how they authenticated
export const GET = withUser(async ({ user, authentication }) =>
  respond(meResponse, { ...user, authenticatedBy: authentication.kind }),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
