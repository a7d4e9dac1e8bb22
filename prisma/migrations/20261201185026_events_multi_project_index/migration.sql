-- CreateIndex
CREATE INDEX "events_project_ids_idx" ON "events" USING GIN ("project_ids") WHERE (cardinality(project_ids) > 1);
