// What tells sign-in and sign-up apart; everything else about the two forms is shared (auth-form.tsx).
import type { z } from "zod";
import { signInSchema, signUpSchema } from "@/lib/validations/user";

export type AuthMode = "signIn" | "signUp";
export type AuthField = "name" | "email" | "password";

type AuthModeConfig = {
  schema: z.ZodObject;
  endpoint: string;
  fields: readonly AuthField[];
  passwordAutoComplete: "current-password" | "new-password";
  passwordHint: boolean;
  defaultNext: string;
  other: { page: string; promptKey: string; linkKey: string };
};

export const AUTH_MODES = {
  signIn: {
    schema: signInSchema,
    endpoint: "/api/v1/auth/sign-in",
    fields: ["email", "password"],
    passwordAutoComplete: "current-password",
    passwordHint: false,
    // Where this page sends people by default, so a link to the other page carries `next` only when it differs.
    defaultNext: "/projects",
    other: { page: "/sign-up", promptKey: "noAccount", linkKey: "signUpLink" },
  },
  signUp: {
    schema: signUpSchema,
    endpoint: "/api/v1/auth/sign-up",
    fields: ["name", "email", "password"],
    passwordAutoComplete: "new-password",
    passwordHint: true,
    defaultNext: "/start",
    other: { page: "/sign-in", promptKey: "haveAccount", linkKey: "signInLink" },
  },
} as const satisfies Record<AuthMode, AuthModeConfig>;

/** The link to the other form ("Create one" / "Sign in"), keeping where the reader was going. */
export function otherFormHref(mode: AuthMode, next: string) {
  const { defaultNext, other } = AUTH_MODES[mode];
  return next === defaultNext ? other.page : `${other.page}?next=${encodeURIComponent(next)}`;
}
