"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import type { DisablePolicyInput } from "@/lib/validations/webhook";
import { TextField } from "../ui/text-field";

export type DeliverySettings = {
  maxConcurrency?: number;
  maxPerSecond?: number | null;
  orderedDelivery?: boolean;
  disablePolicy?: DisablePolicyInput | null;
};

type Errors = Partial<Record<keyof DeliverySettings, string>>;

const DEFAULT_RATE_POLICY: DisablePolicyInput = {
  type: "failure_rate",
  percent: 50,
  windowMinutes: 60,
  minDeliveries: 10,
};

const number = (raw: string) => (raw.trim() === "" ? Number.NaN : Number(raw));

/** How this webhook is delivered to: width, rate, order, and when failures disable it. */
export function DeliverySettingsFields({
  value,
  errors,
  onChange,
}: {
  value: DeliverySettings;
  errors: Errors;
  onChange: (next: DeliverySettings) => void;
}) {
  const t = useTranslations("webhooks.form.delivery");
  const orderedId = useId();
  const policyId = useId();
  const policy = value.disablePolicy ?? { type: "exhausted" as const, count: 1 };
  const setPolicy = (next: DisablePolicyInput) => onChange({ ...value, disablePolicy: next });
  const kind = policy.type === "failure_rate" ? "rate" : policy.count > 1 ? "streak" : "first";
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-2 text-base font-semibold text-slate-900">{t("title")}</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("maxConcurrency")}
          type="number"
          min={1}
          max={50}
          hint={t("maxConcurrencyHint")}
          error={errors.maxConcurrency}
          value={value.maxConcurrency ?? 10}
          onChange={(e) => onChange({ ...value, maxConcurrency: number(e.target.value) })}
        />
        <TextField
          label={t("maxPerSecond")}
          type="number"
          min={0.1}
          step="any"
          hint={t("maxPerSecondHint")}
          error={errors.maxPerSecond}
          value={value.maxPerSecond ?? ""}
          onChange={(e) =>
            onChange({ ...value, maxPerSecond: e.target.value.trim() === "" ? null : number(e.target.value) })
          }
        />
      </div>
      <div className="flex items-start gap-2">
        <input
          id={orderedId}
          type="checkbox"
          className="mt-1"
          checked={value.orderedDelivery ?? false}
          onChange={(e) => onChange({ ...value, orderedDelivery: e.target.checked })}
        />
        <label htmlFor={orderedId} className="text-sm text-slate-700">
          <span className="font-medium">{t("ordered")}</span>
          <span className="block text-xs text-slate-500">{t("orderedHint")}</span>
        </label>
      </div>
      <div className="flex flex-col gap-2">
        <label htmlFor={policyId} className="text-sm font-medium text-slate-700">
          {t("disableWhen")}
        </label>
        <select
          id={policyId}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          value={kind}
          onChange={(e) =>
            setPolicy(
              e.target.value === "rate"
                ? DEFAULT_RATE_POLICY
                : { type: "exhausted", count: e.target.value === "streak" ? 3 : 1 },
            )
          }
        >
          <option value="first">{t("policyFirst")}</option>
          <option value="streak">{t("policyStreak")}</option>
          <option value="rate">{t("policyRate")}</option>
        </select>
        {policy.type === "exhausted" && kind === "streak" ? (
          <TextField
            label={t("streakCount")}
            type="number"
            min={2}
            max={100}
            value={policy.count}
            error={errors.disablePolicy}
            onChange={(e) => setPolicy({ type: "exhausted", count: number(e.target.value) })}
          />
        ) : null}
        {policy.type === "failure_rate" ? (
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField
              label={t("percent")}
              type="number"
              min={1}
              max={100}
              value={policy.percent}
              onChange={(e) => setPolicy({ ...policy, percent: number(e.target.value) })}
            />
            <TextField
              label={t("windowMinutes")}
              type="number"
              min={5}
              value={policy.windowMinutes}
              onChange={(e) => setPolicy({ ...policy, windowMinutes: number(e.target.value) })}
            />
            <TextField
              label={t("minDeliveries")}
              type="number"
              min={1}
              value={policy.minDeliveries}
              error={errors.disablePolicy}
              onChange={(e) => setPolicy({ ...policy, minDeliveries: number(e.target.value) })}
            />
          </div>
        ) : null}
        <p className="text-xs text-slate-500">{t("policyHint")}</p>
      </div>
    </fieldset>
  );
}
