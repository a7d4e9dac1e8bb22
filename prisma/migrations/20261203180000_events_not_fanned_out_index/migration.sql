-- Written by hand: Prisma neither declares nor sees partial indexes (see the Event model).
-- Events handed to Inngest whose fan-out has not completed: the relay looks for those whose run
-- failed for good (every retry fell while the app was down) several times a minute, and almost
-- every event is fanned out, so the index stays small however long the outbox grows.

-- CreateIndex
CREATE INDEX "events_not_fanned_out_idx" ON "events"("published_at") WHERE (fanned_out_at IS NULL AND published_at IS NOT NULL);
