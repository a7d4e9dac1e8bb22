import { ApiError } from "../api/errors";
import { hashPassword } from "../auth/password";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { SignUpInput } from "../validations/user";

/** Sign-up: a new account with an argon2id password hash. */
export async function createUser(input: SignUpInput) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().user.create({ data: { email: input.email, name: input.name, passwordHash } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ApiError("conflict", "An account with this e-mail address already exists", {
        fields: { email: ["is already registered"] },
      });
    }
    throw error;
  }
}
