// A notice in the reader's language: its kind's messages filled with its params. The stored
// English title and body stay the fallback, for kinds without messages and notices without params.
import { z } from "zod";

export const noticeParamsSchema = z.record(z.string(), z.string());
export type NoticeParams = z.infer<typeof noticeParamsSchema>;

type NoticesTranslator = {
  (key: string, values?: NoticeParams): string;
  has(key: string): boolean;
};

type StoredNotice = { kind: string; title: string; body: string; params: unknown };

export function noticeText(t: NoticesTranslator, notice: StoredNotice) {
  const params = noticeParamsSchema.safeParse(notice.params);
  const key = `kinds.${notice.kind}`;
  if (!params.success || !t.has(`${key}.title`)) return { title: notice.title, body: notice.body, translated: false };
  return { title: t(`${key}.title`, params.data), body: t(`${key}.body`, params.data), translated: true };
}
