-- CreateEnum
CREATE TYPE "WebhookStatus" AS ENUM ('HEALTHY', 'DEGRADED', 'UNHEALTHY');

-- CreateTable
CREATE TABLE "webhooks" (
    "id" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "secret_encrypted" TEXT NOT NULL,
    "previous_secret_encrypted" TEXT,
    "previous_secret_expires_at" TIMESTAMP(3),
    "all_events" BOOLEAN NOT NULL DEFAULT true,
    "events" TEXT[],
    "all_projects" BOOLEAN NOT NULL DEFAULT true,
    "project_ids" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "status" "WebhookStatus" NOT NULL DEFAULT 'HEALTHY',
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "last_success_at" TIMESTAMP(3),
    "last_failure_at" TIMESTAMP(3),
    "disabled_at" TIMESTAMP(3),
    "disabled_reason" TEXT,

    CONSTRAINT "webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "webhooks_uid_key" ON "webhooks"("uid");

-- CreateIndex
CREATE INDEX "webhooks_created_by_id_created_at_idx" ON "webhooks"("created_by_id", "created_at");

-- CreateIndex
CREATE INDEX "webhooks_events_idx" ON "webhooks" USING GIN ("events");

-- CreateIndex
CREATE INDEX "webhooks_project_ids_idx" ON "webhooks" USING GIN ("project_ids");

-- AddForeignKey
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
