import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth-card";
import { InvitationView } from "@/components/invitations/invitation-view";
import { inviteLinkQuery } from "@/components/invitations/prefetch";
import { Prefetch } from "@/components/prefetch";
import { currentUserId } from "@/lib/auth/auth";

export async function generateMetadata() {
  return { title: (await getTranslations("invitePage"))("title") };
}

// Open to everyone with the link: signed-out visitors see the invitation and the way to sign in or up.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("invitePage");
  const signedIn = (await currentUserId()) !== null;
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")} signedIn={signedIn}>
      <Prefetch queries={[inviteLinkQuery(token)]}>
        <InvitationView token={token} signedIn={signedIn} />
      </Prefetch>
    </AuthCard>
  );
}
