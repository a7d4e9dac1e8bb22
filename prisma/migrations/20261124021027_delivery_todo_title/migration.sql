-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "todo_title" TEXT;
