import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { setUserLocale } from "@/lib/users/set-user-locale";
import { meResponse, updatedMeResponse, updateMeSchema } from "@/lib/validations/user";

// GET /api/v1/me — the authenticated user, and how they authenticated
export const GET = withUser(async ({ user, authentication }) =>
  respond(meResponse, { ...user, authenticatedBy: authentication.kind }),
);

// PATCH /api/v1/me — change your preferences: the app's language (null follows the browser)
export const PATCH = withUser(async ({ req, user }) => {
  const input = await readJson(req, updateMeSchema);
  return respond(updatedMeResponse, await setUserLocale(user.id, input.locale));
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, DELETE } = otherMethods({ GET, PATCH });
