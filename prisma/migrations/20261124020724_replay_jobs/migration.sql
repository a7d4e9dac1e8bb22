-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "replay_job_id" TEXT;

-- CreateTable
CREATE TABLE "replay_jobs" (
    "id" TEXT NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "until" TIMESTAMP(3),
    "statuses" TEXT[],
    "total" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelled_at" TIMESTAMP(3),

    CONSTRAINT "replay_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "replay_jobs_webhook_id_created_at_idx" ON "replay_jobs"("webhook_id", "created_at");

-- CreateIndex
CREATE INDEX "deliveries_replay_job_id_idx" ON "deliveries"("replay_job_id");
