import { withPublic } from "@/lib/api/handler";
import { readJson } from "@/lib/api/request";
import { respond } from "@/lib/api/response";
import { sessionCookie } from "@/lib/auth/session";
import { createUser } from "@/lib/users/create-user";
import { signUpSchema, userResponse } from "@/lib/validations/user";

// POST /api/v1/auth/sign-up — create an account and start a session
export const POST = withPublic(async ({ req }) => {
  const user = await createUser(await readJson(req, signUpSchema));
  return respond(userResponse, user, { status: 201, headers: { "set-cookie": await sessionCookie(req, user) } });
});
