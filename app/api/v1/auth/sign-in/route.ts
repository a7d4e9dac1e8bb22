import { ApiError } from "@/lib/api/errors";
import { withPublic } from "@/lib/api/handler";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { sessionCookie } from "@/lib/auth/session";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { signInSchema, userResponse } from "@/lib/validations/user";

// POST /api/v1/auth/sign-in — check e-mail and password, start a session
export const POST = withPublic(async ({ req }) => {
  const user = await verifyCredentials(await readJson(req, signInSchema));
  if (!user) throw new ApiError("invalid_credentials", "The e-mail address or password is incorrect");
  return respond(userResponse, user, { headers: { "set-cookie": await sessionCookie(req, user) } });
});
