import { ApiError } from "../api/errors";
import { assertConditionReferences } from "../conditions/check-references";
import { encryptSecret } from "../crypto/secret-box";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { type CreateWebhookInput, MAX_WEBHOOKS_PER_USER } from "../validations/webhook";
import { assertDeliverableUrl } from "./url-guard";
import { generateWebhookSecret, generateWebhookUid } from "./webhook-secret";
import { requireMembership, resolveSelection } from "./webhook-selection";
import { webhookView } from "./webhook-view";

/** Create a webhook; the secret is returned here (and on rotation) only. */
export async function createWebhook(userId: string, input: CreateWebhookInput) {
  const selection = resolveSelection({ allEvents: true, events: [], allProjects: true, projectIds: [] }, input);
  await assertDeliverableUrl(input.url);
  const secret = generateWebhookSecret();
  const webhook = await db().$transaction(async (tx) => {
    // Serialise concurrent creates of one user so the limit holds.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`webhooks:${userId}`}))`;
    if ((await tx.webhook.count({ where: { createdById: userId } })) >= MAX_WEBHOOKS_PER_USER) {
      throw new ApiError("limit_exceeded", `You can have at most ${MAX_WEBHOOKS_PER_USER} webhooks`);
    }
    await requireMembership(tx, userId, selection.projectIds);
    await assertConditionReferences(tx, userId, selection, input.conditions ?? null);
    const created = await tx.webhook.create({
      data: {
        uid: generateWebhookUid(),
        name: input.name,
        url: input.url,
        description: input.description ?? "",
        ...selection,
        enabled: input.enabled ?? true,
        maxConcurrency: input.maxConcurrency,
        maxPerSecond: input.maxPerSecond ?? null,
        orderedDelivery: input.orderedDelivery,
        disablePolicy: input.disablePolicy ?? undefined,
        conditions: (input.conditions ?? undefined) as Prisma.InputJsonValue | undefined,
        secretEncrypted: encryptSecret(secret),
        createdById: userId,
        lane: { create: {} },
      },
    });
    return webhookView(tx, created);
  });
  return { ...webhook, secret };
}
