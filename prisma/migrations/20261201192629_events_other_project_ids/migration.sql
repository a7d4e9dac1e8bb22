-- AlterTable
ALTER TABLE "events" ADD COLUMN     "other_project_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- The other projects of the events stored so far (records moved across projects).
UPDATE "events" SET "other_project_ids" = array_remove("project_ids", "project_id") WHERE cardinality("project_ids") > 1;

-- CreateIndex
CREATE INDEX "events_other_project_ids_idx" ON "events" USING GIN ("other_project_ids");
