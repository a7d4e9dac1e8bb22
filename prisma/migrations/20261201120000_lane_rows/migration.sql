-- Every webhook has its delivery lane row from its creation on: lanes lock their rows in order
-- and never need to make one on the hot path. This makes the rows of older webhooks.
INSERT INTO "delivery_lanes" ("webhook_id", "updated_at")
SELECT "id", now() AT TIME ZONE 'UTC' FROM "webhooks"
ON CONFLICT DO NOTHING;
