import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { readJson } from "@/lib/api/request";
import { noContent } from "@/lib/api/response";
import { clientAddress } from "@/lib/auth/client-address";
import { changePassword } from "@/lib/users/change-password";
import { changePasswordSchema } from "@/lib/users/password-schema";

// POST /api/v1/me/password — change the password (the current one is checked, rate-limited); ends every other session
export const POST = withUser(async ({ req, user, authentication }) => {
  await changePassword(user, await readJson(req, changePasswordSchema), {
    address: clientAddress(req),
    sessionId: authentication.kind === "session" ? authentication.sessionId : null,
  });
  return noContent();
});

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
