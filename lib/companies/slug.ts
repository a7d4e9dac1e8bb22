// URL slugs for companies and projects: the name in lower-case ASCII words, plus a random suffix
// so that two companies (or two projects of one company) with the same name never collide.
import { randomBytes } from "node:crypto";

export function slugFor(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  const suffix = randomBytes(4).toString("hex");
  return words ? `${words}-${suffix}` : suffix;
}
