/*
  Warnings:

  - You are about to drop the column `exhausted_counted` on the `deliveries` table. All the data in the column will be lost.
  - A unique constraint covering the columns `[delivery_id,number]` on the table `delivery_attempts` will be added. If there are existing duplicate values, this will fail.

*/
-- DropIndex
DROP INDEX "delivery_attempts_delivery_id_number_idx";

-- AlterTable
ALTER TABLE "deliveries" DROP COLUMN "exhausted_counted",
ADD COLUMN     "chain_last" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "chain_trigger" TEXT NOT NULL DEFAULT 'auto',
ADD COLUMN     "event_sequence" BIGINT,
ADD COLUMN     "lease_until" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "events" ADD COLUMN     "fanned_out_at" TIMESTAMP(3),
ADD COLUMN     "todo_id" TEXT;

-- AlterTable
ALTER TABLE "webhooks" ADD COLUMN     "disable_policy" JSONB,
ADD COLUMN     "max_concurrency" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "max_per_second" DOUBLE PRECISION,
ADD COLUMN     "ordered_delivery" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "delivery_lanes" (
    "webhook_id" TEXT NOT NULL,
    "generation" BIGINT NOT NULL DEFAULT 0,
    "wake_at" TIMESTAMP(3),
    "paused_until" TIMESTAMP(3),
    "next_slot_at" TIMESTAMP(3),
    "slow" BOOLEAN NOT NULL DEFAULT false,
    "saturated" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delivery_lanes_pkey" PRIMARY KEY ("webhook_id")
);

-- CreateTable
CREATE TABLE "outbox_emails" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "outbox_emails_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "delivery_lanes_wake_at_idx" ON "delivery_lanes"("wake_at");

-- CreateIndex
CREATE INDEX "outbox_emails_sent_at_created_at_idx" ON "outbox_emails"("sent_at", "created_at");

-- CreateIndex
CREATE INDEX "deliveries_webhook_id_status_next_attempt_at_idx" ON "deliveries"("webhook_id", "status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "deliveries_webhook_id_todo_id_event_sequence_idx" ON "deliveries"("webhook_id", "todo_id", "event_sequence");

-- CreateIndex
CREATE UNIQUE INDEX "delivery_attempts_delivery_id_number_key" ON "delivery_attempts"("delivery_id", "number");

-- CreateIndex
CREATE INDEX "events_todo_id_sequence_idx" ON "events"("todo_id", "sequence");

-- AddForeignKey
ALTER TABLE "delivery_lanes" ADD CONSTRAINT "delivery_lanes_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;
