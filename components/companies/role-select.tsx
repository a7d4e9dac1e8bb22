"use client";

import { useTranslations } from "next-intl";

/** A labelled select of company or project roles, in the app's words for them. */
export function RoleSelect<R extends string>({
  label,
  roles,
  value,
  onChange,
  disabled,
}: {
  label: string;
  roles: readonly R[];
  value: R;
  onChange: (role: R) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("roles");
  return (
    <select
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as R)}
      className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
    >
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(String(role))}
        </option>
      ))}
    </select>
  );
}
