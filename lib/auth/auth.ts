// Auth.js: JWT sessions in the cookie the API's sign-in sets, and a credentials provider for
// clients that speak Auth.js's own /api/auth routes. Pages read the session with auth(); its jwt
// callback checks the session row, so a session ended on the server is refused here as well.
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { ApiError } from "../api/errors";
import { signInSchema } from "../validations/user";
import { clientAddress } from "./client-address";
import { checkSessionToken } from "./session-token";
import { endSession } from "./sessions/end-session";
import { SESSION_MAX_AGE_SECONDS, startSession } from "./sessions/start-session";
import { verifySignIn } from "./sign-in";

declare module "next-auth" {
  interface User {
    /** Set by authorize(): the session row the new cookie will carry. */
    sessionId?: string;
  }
}

export const { handlers, auth } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      // The same checks and limits as POST /api/v1/auth/sign-in; a refusal of any kind is "no".
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse({ email: raw?.email, password: raw?.password });
        if (!parsed.success) return null;
        const address = clientAddress(request);
        try {
          const user = await verifySignIn(parsed.data, address);
          const session = await startSession(user.id, { address, userAgent: request.headers.get("user-agent") });
          return { ...user, sessionId: session.id };
        } catch (error) {
          if (error instanceof ApiError) return null;
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => checkSessionToken(token, user),
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sid === "string" && typeof token.sub === "string") {
        await endSession(token.sub, token.sid);
      }
    },
  },
});

/** The signed-in user's id in a server component, or null (no cookie, or its session has ended). */
export async function currentUserId(): Promise<string | null> {
  const session = await auth();
  return session?.user?.id ?? null;
}
