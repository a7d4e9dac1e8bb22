// An invitation link's preview as the server answers it, with the data the API route sends.
import type { InviteLinkView } from "@/lib/client/people-types";
import { invitationKeys } from "@/lib/client/query-keys";
import { previewInvitation } from "@/lib/invitations/preview-invitation";
import { invitationPreviewResponse } from "@/lib/validations/invitation";
import type { ServerQuery } from "../prefetch";

export const inviteLinkQuery = (token: string): ServerQuery<InviteLinkView> => ({
  queryKey: invitationKeys.link(token),
  queryFn: async () => invitationPreviewResponse.parse({ data: await previewInvitation(token) }).data,
});
