"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { CompanyView } from "@/lib/client/people-types";
import { companyNameSchema } from "@/lib/validations/company";
import { NameForm } from "../name-form";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { useErrorMessage } from "../use-error-message";
import { useCompanies, useCreateCompany } from "./queries";

/** Creates a company (the caller becomes its owner) and hands it back. */
export function CreateCompanyForm({ onCreated }: { onCreated?: (company: CompanyView) => void }) {
  const t = useTranslations("companies");
  const createCompany = useCreateCompany({ onSuccess: onCreated });
  return (
    <NameForm
      schema={companyNameSchema}
      label={t("nameLabel")}
      submitLabel={t("create")}
      onSubmit={(name) => createCompany.mutateAsync({ name })}
    />
  );
}

export function CompanyList() {
  const t = useTranslations("companies");
  const roles = useTranslations("roles");
  const errorMessage = useErrorMessage();
  const companies = useCompanies();
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("createTitle")}</h2>
        <CreateCompanyForm />
      </Card>
      {companies.isPending ? <p className="text-sm text-slate-500">{t("loading")}</p> : null}
      {companies.error ? <Alert tone="error">{errorMessage(companies.error)}</Alert> : null}
      {companies.data?.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
      {companies.data?.length ? (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {companies.data.map((company) => (
            <li key={company.id}>
              <Link
                href={`/companies/${company.id}`}
                className="block rounded-md border border-slate-200 bg-white px-4 py-3 hover:border-brand-500 hover:bg-brand-50"
              >
                <p className="font-medium">{company.name}</p>
                <p className="text-xs text-slate-500">
                  {t("summary", {
                    role: roles(company.role),
                    projects: company.projectCount,
                    members: company.memberCount,
                  })}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
