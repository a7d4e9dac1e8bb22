import { withPublic } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respondWithSecret } from "@/lib/api/response";
import { clientAddress } from "@/lib/auth/client-address";
import { sessionCookie } from "@/lib/auth/session";
import { signUp } from "@/lib/auth/sign-up";
import { signUpSchema, userResponse } from "@/lib/validations/user";

// POST /api/v1/auth/sign-up — create an account (rate-limited) and start a session
export const POST = withPublic(async ({ req }) => {
  const user = await signUp(await readJson(req, signUpSchema), clientAddress(req));
  const headers = { "set-cookie": await sessionCookie(req, user) };
  return respondWithSecret(userResponse, user, { status: 201, headers });
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
