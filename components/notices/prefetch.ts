// The notices as the server answers them, with the data the API route sends.
import type { NoticeView } from "@/lib/client/people-types";
import { noticeKeys } from "@/lib/client/query-keys";
import { listNotices } from "@/lib/notices/list-notices";
import { noticeListResponse } from "@/lib/validations/notice";
import type { ServerQuery } from "../prefetch";

export const noticesQuery = (userId: string): ServerQuery<NoticeView[]> => ({
  queryKey: noticeKeys.list(),
  queryFn: async () => noticeListResponse.parse({ data: await listNotices(userId) }).data,
});
