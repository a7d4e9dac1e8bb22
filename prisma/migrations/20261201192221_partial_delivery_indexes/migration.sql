-- Written by hand: Prisma neither declares nor sees partial indexes (see the Delivery model).
-- Most deliveries end at once (delivered inline): they no longer enter the indexes that only
-- waiting (PENDING, RETRYING) or replayed deliveries are looked up by.

-- DropIndex
DROP INDEX "deliveries_replay_job_id_idx";

-- DropIndex
DROP INDEX "deliveries_status_next_attempt_at_idx";

-- DropIndex
DROP INDEX "deliveries_webhook_id_status_next_attempt_at_idx";

-- DropIndex
DROP INDEX "deliveries_webhook_id_todo_id_event_sequence_idx";

-- CreateIndex
CREATE INDEX "deliveries_replay_job_id_idx" ON "deliveries"("replay_job_id") WHERE (replay_job_id IS NOT NULL);

-- CreateIndex
CREATE INDEX "deliveries_webhook_id_status_next_attempt_at_idx" ON "deliveries"("webhook_id", "status", "next_attempt_at") WHERE (status IN ('PENDING', 'RETRYING'));

-- CreateIndex
CREATE INDEX "deliveries_webhook_id_todo_id_event_sequence_idx" ON "deliveries"("webhook_id", "todo_id", "event_sequence") WHERE (status IN ('PENDING', 'RETRYING'));

-- CreateIndex
CREATE INDEX "deliveries_status_next_attempt_at_idx" ON "deliveries"("status", "next_attempt_at") WHERE (status IN ('PENDING', 'RETRYING'));
