-- AlterTable
ALTER TABLE "notices" ADD COLUMN     "params" JSONB;
