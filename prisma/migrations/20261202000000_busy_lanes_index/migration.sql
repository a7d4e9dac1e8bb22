-- Written by hand: Prisma neither declares nor sees partial indexes (see the DeliveryLane model).
-- The lanes that are not idle (slow, saturated, waiting for a wake-up or paused): matching looks
-- up every selecting webhook's lane here, and most lanes are idle, so most look-ups end in this
-- small index instead of four pages of the whole one.

-- CreateIndex
CREATE INDEX "delivery_lanes_busy_idx" ON "delivery_lanes"("webhook_id") WHERE (slow OR saturated OR wake_at IS NOT NULL OR paused_until IS NOT NULL);
