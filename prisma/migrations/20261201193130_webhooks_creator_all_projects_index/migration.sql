-- CreateIndex
CREATE INDEX "webhooks_created_by_id_all_projects_idx" ON "webhooks"("created_by_id", "all_projects");
