-- AlterEnum
ALTER TYPE "TraceOutcome" ADD VALUE 'FILTERED';

-- AlterTable
ALTER TABLE "event_traces" ADD COLUMN     "failed_rule" JSONB;

-- AlterTable
ALTER TABLE "webhooks" ADD COLUMN     "conditions" JSONB;
