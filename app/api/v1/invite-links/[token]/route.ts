import { withPublic } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { respond } from "@/lib/api/response";
import { previewInvitation } from "@/lib/invitations/preview-invitation";
import { invitationPreviewResponse } from "@/lib/validations/invitation";

// GET /api/v1/invite-links/{token} — what an invitation link offers, readable before signing in
export const GET = withPublic<{ token: string }>(async ({ params }) =>
  respond(
    invitationPreviewResponse,
    { data: await previewInvitation(params.token) },
    {
      headers: { "cache-control": "no-store" },
    },
  ),
);

// Any other method — 405 method_not_allowed, naming the allowed ones in `Allow`
export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });
