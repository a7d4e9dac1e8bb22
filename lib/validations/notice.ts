// Notice schemas: the in-app notices of the signed-in user (a webhook disabled, access lost).
import { z } from "zod";

const isoDate = z.date().transform((d) => d.toISOString());

export const noticeView = z.object({
  id: z.string(),
  kind: z.string().describe("webhook_disabled, webhook_access_revoked, webhook_project_deleted"),
  title: z.string(),
  body: z.string(),
  webhookId: z.string().nullable(),
  createdAt: isoDate,
  readAt: isoDate.nullable(),
});

export const noticeResponse = z.object({ data: noticeView });
export const noticeListResponse = z.object({ data: z.array(noticeView) });
