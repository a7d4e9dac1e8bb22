import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, PublicShell } from "@/components/app-shell";
import { PageHeader } from "@/components/ui/page-header";
import { OPERATIONS } from "@/lib/openapi/document";
import { currentUser } from "@/lib/users/current-user";

const METHOD_COLORS: Record<string, string> = {
  get: "bg-sky-100 text-sky-900",
  post: "bg-emerald-100 text-emerald-900",
  put: "bg-amber-100 text-amber-900",
  patch: "bg-violet-100 text-violet-900",
  delete: "bg-red-100 text-red-900",
};

export async function generateMetadata() {
  return { title: (await getTranslations("apiDocs"))("title") };
}

// Open to everyone: signed in, it sits in the app's frame like every other page; signed out, under a
// header that leads to Sign in.
export default async function ApiDocsPage() {
  const user = await currentUser();
  const content = <ApiDocs />;
  return user ? <AppShell userName={user.name}>{content}</AppShell> : <PublicShell>{content}</PublicShell>;
}

async function ApiDocs() {
  const t = await getTranslations("apiDocs");
  const tags = [...new Set(OPERATIONS.map((op) => op.tag))];
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <Link href="/api/v1/openapi.json" className="text-sm font-medium text-brand-700 underline">
            {t("download")}
          </Link>
        }
      />
      <p className="mb-6 text-sm text-slate-600">{t("auth")}</p>
      {tags.map((tag) => (
        <section key={tag} className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">{tag}</h2>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {OPERATIONS.filter((op) => op.tag === tag).map((op) => (
              <li
                key={`${op.method} ${op.path}`}
                className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm"
              >
                <span
                  className={`w-16 rounded px-1.5 py-0.5 text-center font-mono text-xs uppercase ${METHOD_COLORS[op.method]}`}
                >
                  {op.method}
                </span>
                <code className="break-all font-mono">/api/v1{op.path}</code>
                <span className="flex-1 text-slate-600">{op.summary}</span>
                {op.public ? <span className="text-xs text-slate-600">{t("public")}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
