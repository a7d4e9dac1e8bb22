// Notice schemas: the in-app notices of the signed-in user (a webhook disabled, access lost).
import { z } from "zod";
import { noticeParamsSchema } from "../notices/notice-text";

const isoDate = z.date().transform((d) => d.toISOString());

export const noticeView = z.object({
  id: z.string(),
  kind: z.string().describe("webhook_disabled, webhook_access_revoked, webhook_project_deleted"),
  title: z.string().describe("English; the app shows the kind's message in the reader's language"),
  body: z.string().describe("English"),
  params: z
    .unknown()
    .pipe(noticeParamsSchema.nullable().catch(null))
    .describe("The values of the kind's messages (names, URL, reason)"),
  webhookId: z.string().nullable(),
  createdAt: isoDate,
  readAt: isoDate.nullable(),
});

export const noticeResponse = z.object({ data: noticeView });
export const noticeListResponse = z.object({ data: z.array(noticeView) });
