import { withUser } from "@/lib/api/handler";
import { respond } from "@/lib/api/response";
import { meResponse } from "@/lib/validations/user";

// GET /api/v1/me — the authenticated user, and how they authenticated
export const GET = withUser(async ({ user, authentication }) =>
  respond(meResponse, { ...user, authenticatedBy: authentication.kind }),
);
