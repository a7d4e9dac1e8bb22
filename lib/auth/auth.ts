// Auth.js: JWT sessions in the cookie the API's sign-in sets, and a credentials provider for
// clients that speak Auth.js's own /api/auth routes. Pages read the session with auth().
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { verifyCredentials } from "../users/verify-credentials";
import { signInSchema } from "../validations/user";
import { SESSION_MAX_AGE_SECONDS } from "./session";

export const { handlers, auth } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const parsed = signInSchema.safeParse({ email: raw?.email, password: raw?.password });
        if (!parsed.success) return null;
        return verifyCredentials(parsed.data);
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});

/** The signed-in user's id in a server component, or null. */
export async function currentUserId(): Promise<string | null> {
  const session = await auth();
  return session?.user?.id ?? null;
}
