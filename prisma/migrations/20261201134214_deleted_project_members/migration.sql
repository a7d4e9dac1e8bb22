-- CreateTable
CREATE TABLE "deleted_project_members" (
    "project_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "deleted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deleted_project_members_pkey" PRIMARY KEY ("project_id","user_id")
);
