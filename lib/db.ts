// One Prisma client per process (Next.js dev reloads modules, so it is kept on globalThis).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export function createPrismaClient(connectionString: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) }),
    omit: {
      user: { passwordHash: true },
      apiToken: { tokenHash: true },
      webhook: { secretEncrypted: true, previousSecretEncrypted: true },
    },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForPrisma = globalThis as unknown as { prisma?: Db };

function connectionString(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (the dev and test commands set it for the embedded PostgreSQL)");
  return url;
}

/** The shared client, created on first use so that importing this module never connects. */
export function db(): Db {
  globalForPrisma.prisma ??= createPrismaClient(connectionString());
  return globalForPrisma.prisma;
}

/** The client inside `db().$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
