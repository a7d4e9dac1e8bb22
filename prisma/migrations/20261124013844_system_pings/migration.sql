-- CreateTable
CREATE TABLE "system_pings" (
    "id" TEXT NOT NULL,
    "sent_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "system_pings_pkey" PRIMARY KEY ("id")
);
