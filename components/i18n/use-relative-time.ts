"use client";

import { useFormatter, useNow } from "next-intl";

/** How often relative times on screen move on ("2 minutes ago" → "3 minutes ago"). */
const TICK_MS = 30_000;

/**
 * Relative times against one clock: the request's `now` (i18n/request.ts) on the server and in
 * the first browser render — so server-rendered text hydrates unchanged — then the browser's,
 * every 30 s. `ago` is for past moments (one a little after the clock's last tick reads "now",
 * never "in 5 seconds"), `until` for moments to come (a retry, an expiry).
 */
export function useRelativeTime() {
  const format = useFormatter();
  const now = useNow({ updateInterval: TICK_MS });
  return {
    ago: (date: Date) => format.relativeTime(date, date.getTime() > now.getTime() ? date : now),
    until: (date: Date) => format.relativeTime(date, now),
  };
}
