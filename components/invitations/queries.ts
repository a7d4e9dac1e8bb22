"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api-client";
import type { InviteLinkView } from "@/lib/client/people-types";
import { invitationKeys } from "@/lib/client/query-keys";
import { useInvalidatePeople } from "../companies/queries";

export type InvitationAnswer = "accept" | "decline";

const linkPath = (token: string) => `/api/v1/invite-links/${encodeURIComponent(token)}`;

/** What an invitation link offers (a 404 is an answer: the link is wrong or gone, so no retry). */
export function useInviteLink(token: string) {
  return useQuery({
    queryKey: invitationKeys.link(token),
    queryFn: () => apiFetch<{ data: InviteLinkView }>(linkPath(token)).then((r) => r.data),
    retry: false,
  });
}

/** Accepts or declines; companies, projects and invitations are read again before `onSuccess`. */
export function useAnswerInvitation(
  token: string,
  { onSuccess }: { onSuccess?: (answer: InvitationAnswer) => unknown } = {},
) {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (answer: InvitationAnswer) => apiFetch<void>(`${linkPath(token)}/${answer}`, { method: "POST" }),
    onSuccess: async (_result, answer) => {
      await invalidate();
      await onSuccess?.(answer);
    },
  });
}
