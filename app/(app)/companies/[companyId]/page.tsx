import { CompanyDetail } from "@/components/companies/company-detail";
import { currentUserId } from "@/lib/auth/auth";

export default async function CompanyPage({ params }: { params: Promise<{ companyId: string }> }) {
  const { companyId } = await params;
  // The (app) layout already turned away anyone signed out.
  const userId = (await currentUserId()) ?? "";
  return <CompanyDetail companyId={companyId} currentUserId={userId} />;
}
