import { withPublic } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { respondWithSecret } from "@/lib/api/response";
import { clientAddress } from "@/lib/auth/client-address";
import { sessionCookie } from "@/lib/auth/session";
import { verifySignIn } from "@/lib/auth/sign-in";
import { signInSchema, userResponse } from "@/lib/validations/user";

// POST /api/v1/auth/sign-in — check e-mail and password (rate-limited), start a session
export const POST = withPublic(async ({ req }) => {
  const user = await verifySignIn(await readJson(req, signInSchema), clientAddress(req));
  return respondWithSecret(userResponse, user, { headers: { "set-cookie": await sessionCookie(req, user) } });
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, OPTIONS, PUT, PATCH, DELETE } = otherMethods({ POST });
