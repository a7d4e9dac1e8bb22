-- AlterTable
ALTER TABLE "webhooks" ADD COLUMN     "warned_at" TIMESTAMP(3);
