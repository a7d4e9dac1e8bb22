"use client";

import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useId, useState } from "react";
import {
  type ConditionGroup,
  type ConditionRule,
  countRules,
  FIXED_FIELD_FAMILY,
  type FieldKey,
  familyOf,
  fieldsForEvents,
  isGroup,
  MAX_RULES,
  newRule,
  type RuleError,
  rulePaths,
} from "./conditions-model";
import { useConditionOptions } from "./conditions-queries";
import { ConditionRuleRow } from "./conditions-rule-row";
import { type ConditionReference, conditionsSentence, nameLookup, type SentenceContext } from "./conditions-sentence";

function firstRule(fields: FieldKey[]): ConditionRule {
  const field = (fields.find((f) => f !== "record.customField") ?? "record.list") as keyof typeof FIXED_FIELD_FAMILY;
  return newRule(field, FIXED_FIELD_FAMILY[field]);
}

/** The sentence context for the builder, the preview and the trace: names in the reader's language. */
export function useSentenceContext(
  options: Parameters<typeof nameLookup>[0],
  references?: ConditionReference[],
): SentenceContext {
  const t = useTranslations("conditions");
  const locale = useLocale();
  return {
    t: (key, values) => t(key as never, values as never),
    locale,
    ...nameLookup(options, references),
  };
}

/**
 * "Only when…": rules on the record (list, tags, custom fields…), joined by all of / any of, with
 * one level of groups, each read back in words. Only the fields the chosen events carry are offered.
 */
export function ConditionsBuilder({
  value,
  onChange,
  allEvents,
  events,
  allProjects,
  projectIds,
  references,
  errors,
}: {
  value: ConditionGroup | null;
  onChange: (value: ConditionGroup | null) => void;
  allEvents: boolean;
  events: string[];
  allProjects: boolean;
  projectIds: string[];
  references?: ConditionReference[];
  /** Messages by rule path ("rules[0]"; "" for the whole). */
  errors: Record<string, RuleError>;
}) {
  const t = useTranslations("conditions");
  const id = useId();
  const fields = fieldsForEvents(allEvents, events);
  const options = useConditionOptions({ allProjects, projectIds }, value !== null);
  const ctx = useSentenceContext(options.data, references);
  // Switching conditions off and on again brings the rules back.
  const [draft, setDraft] = useState<ConditionGroup | null>(null);
  const total = value ? countRules(value) : 0;
  const full = total >= MAX_RULES;

  const setOn = (on: boolean) => {
    if (on) onChange(draft ?? { match: "all", rules: [firstRule(fields)] });
    else {
      setDraft(value);
      onChange(null);
    }
  };

  return (
    <fieldset className="flex flex-col gap-3" data-testid="conditions">
      <legend className="mb-2 text-sm font-semibold text-slate-800">{t("heading")}</legend>
      <p className="text-xs text-slate-500">{t("intro")}</p>
      <div className="flex flex-col gap-1.5 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" name={`${id}-mode`} checked={value === null} onChange={() => setOn(false)} />
          {t("modeEvery")}
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={value !== null}
            disabled={fields.length === 0 && value === null}
            onChange={() => setOn(true)}
          />
          {t("modeOnlyWhen")}
        </label>
      </div>
      {fields.length === 0 ? <p className="text-xs text-amber-700">{t("noFields")}</p> : null}
      {value ? (
        <div className="flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-3">
          <MatchSelect label={t("match")} value={value.match} onChange={(match) => onChange({ ...value, match })} />
          <RuleList
            group={value}
            pathPrefix=""
            fields={fields}
            options={options.data}
            ctx={ctx}
            errors={errors}
            numbers={new Map(rulePaths(value).map((r, i) => [r.path, i + 1]))}
            full={full}
            onChange={(next) => onChange(next.rules.length > 0 ? next : null)}
          />
          {options.isPending && options.fetchStatus === "fetching" ? (
            <p role="status" className="text-xs text-slate-500">
              {t("loadingOptions")}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <AddButton
              disabled={full || fields.length === 0}
              onClick={() => onChange({ ...value, rules: [...value.rules, firstRule(fields)] })}
            >
              {t("addRule")}
            </AddButton>
            <AddButton
              disabled={total + 1 >= MAX_RULES || fields.length === 0}
              onClick={() =>
                onChange({
                  ...value,
                  rules: [
                    ...value.rules,
                    { match: value.match === "all" ? "any" : "all", rules: [firstRule(fields), firstRule(fields)] },
                  ],
                })
              }
            >
              {t("addGroup")}
            </AddButton>
          </div>
          {full ? <p className="text-xs text-slate-500">{t("maxRules", { max: MAX_RULES })}</p> : null}
          <p
            className="rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-200"
            data-testid="conditions-sentence"
            aria-live="polite"
          >
            {conditionsSentence(value, ctx)}
          </p>
          {errors[""] ? (
            <p role="alert" className="text-xs text-red-700">
              {errors[""].message}
            </p>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}

function RuleList({
  group,
  pathPrefix,
  fields,
  options,
  ctx,
  errors,
  numbers,
  full,
  onChange,
}: {
  group: ConditionGroup;
  pathPrefix: string;
  fields: FieldKey[];
  options: Parameters<typeof ConditionRuleRow>[0]["options"];
  ctx: SentenceContext;
  errors: Record<string, RuleError>;
  /** Each rule's number in reading order, by path, so that "Rule 3" is one rule on the page. */
  numbers: Map<string, number>;
  full: boolean;
  onChange: (group: ConditionGroup) => void;
}) {
  const t = useTranslations("conditions");
  const replace = (index: number, next: ConditionRule | ConditionGroup | null) =>
    onChange({
      ...group,
      rules: next === null ? group.rules.filter((_, i) => i !== index) : group.rules.with(index, next),
    });
  let groupNumber = 0;
  return (
    <ol className="flex flex-col gap-2">
      {group.rules.map((rule, index) => {
        const path = `${pathPrefix}rules[${index}]`;
        if (isGroup(rule)) {
          groupNumber++;
          const number = groupNumber;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; their place is their identity
            <li key={index}>
              <fieldset className="flex min-w-0 flex-col gap-2 rounded-md border border-dashed border-slate-300 p-2 sm:p-3">
                <legend className="sr-only">{t("group", { number })}</legend>
                <MatchSelect
                  label={t("groupMatch", { number })}
                  value={rule.match}
                  onChange={(match) => replace(index, { ...rule, match })}
                />
                <RuleList
                  group={rule}
                  pathPrefix={`${path}.`}
                  fields={fields}
                  options={options}
                  ctx={ctx}
                  errors={errors}
                  numbers={numbers}
                  full={full}
                  onChange={(next) => replace(index, next.rules.length > 0 ? next : null)}
                />
                <div className="flex flex-wrap gap-2">
                  <AddButton
                    disabled={full || fields.length === 0}
                    onClick={() => replace(index, { ...rule, rules: [...rule.rules, firstRule(fields)] })}
                  >
                    {t("addRuleToGroup")}
                  </AddButton>
                  <AddButton onClick={() => replace(index, null)}>{t("removeGroup", { number })}</AddButton>
                </div>
                {errors[path] ? (
                  <p role="alert" className="text-xs text-red-700">
                    {errors[path].message}
                  </p>
                ) : null}
              </fieldset>
            </li>
          );
        }
        const number = numbers.get(path) ?? 0;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; their place is their identity
          <li key={index}>
            <ConditionRuleRow
              rule={rule}
              number={number}
              fields={fields}
              options={options}
              ctx={ctx}
              error={errorFor(errors, path, rule, ctx, t("incomplete"))}
              onChange={(next) => replace(index, next)}
              onRemove={() => replace(index, null)}
            />
          </li>
        );
      })}
    </ol>
  );
}

/** The rule's error: the plain "choose a value" when it is unfinished, else the API's message. */
function errorFor(
  errors: Record<string, RuleError>,
  path: string,
  rule: ConditionRule,
  ctx: SentenceContext,
  incomplete: string,
) {
  const error = errors[path];
  if (!error) return undefined;
  const family = familyOf(rule.field, rule.customFieldId ? ctx.customFieldType(rule.customFieldId) : undefined);
  return family && rule.value === undefined && error.part !== "operator" ? incomplete : error.message;
}

function MatchSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: "all" | "any";
  onChange: (value: "all" | "any") => void;
}) {
  const t = useTranslations("conditions");
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={id} className="font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as "all" | "any")}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        <option value="all">{t("matchAll")}</option>
        <option value="any">{t("matchAny")}</option>
      </select>
    </div>
  );
}

function AddButton({
  children,
  onClick,
  disabled = false,
}: {
  children: ReactNode;
  onClick: () => void;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      className="rounded-md bg-white px-3 py-1.5 text-sm text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-50"
    >
      {children}
    </button>
  );
}
