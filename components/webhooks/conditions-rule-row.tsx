"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import {
  applyChoice,
  type Choice,
  type ConditionRule,
  choiceOf,
  choicesFor,
  FIXED_FIELD_FAMILY,
  type FieldKey,
  familyOf,
  newRule,
  parseTypedValue,
  type RefKind,
  typedValueText,
} from "./conditions-model";
import type { ConditionOptions } from "./conditions-queries";
import { referenceText, ruleSentence, type SentenceContext } from "./conditions-sentence";

const CONTROL =
  "w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30";

const CUSTOM = "record.customField";

/** The field drop-down's value: the field, or the custom field's id after it. */
function fieldValue(rule: ConditionRule) {
  return rule.field === CUSTOM ? `${CUSTOM}:${rule.customFieldId ?? ""}` : rule.field;
}

type Option = { id: string; label: string; group?: string };

/** The names a value can be picked from, grouped by project when there are several. */
function refOptions(ref: RefKind, rule: ConditionRule, options: ConditionOptions | undefined): Option[] {
  if (!options) return [];
  const projectNames = new Map(options.lists.map((l) => [l.projectId, l.projectName]));
  for (const f of options.customFields) if (!projectNames.has(f.projectId)) projectNames.set(f.projectId, "");
  const grouped = projectNames.size > 1;
  switch (ref) {
    case "list":
      return options.lists.map((l) => ({ id: l.id, label: l.title, group: grouped ? l.projectName : undefined }));
    case "tag":
      return options.tags.map((tag) => ({
        id: tag.id,
        label: tag.title,
        group: grouped ? projectNames.get(tag.projectId) : undefined,
      }));
    case "user":
      return options.people.map((p) => ({ id: p.id, label: p.name }));
    case "option":
      return (options.customFields.find((f) => f.id === rule.customFieldId)?.options ?? []).map((o) => ({
        id: o.id,
        label: o.title,
      }));
  }
}

/** Options in optgroups by their group (project), in the order they come. */
function OptionList({ items }: { items: Option[] }) {
  const groups = [...new Set(items.map((i) => i.group ?? ""))];
  if (groups.length <= 1)
    return items.map((i) => (
      <option key={i.id} value={i.id}>
        {i.label}
      </option>
    ));
  return groups.map((g) => (
    <optgroup key={g} label={g}>
      {items
        .filter((i) => (i.group ?? "") === g)
        .map((i) => (
          <option key={i.id} value={i.id}>
            {i.label}
          </option>
        ))}
    </optgroup>
  ));
}

/** One rule: field → condition → value, then the rule read back in words. */
export function ConditionRuleRow({
  rule,
  number,
  fields,
  options,
  ctx,
  error,
  onChange,
  onRemove,
}: {
  rule: ConditionRule;
  number: number;
  fields: FieldKey[];
  options: ConditionOptions | undefined;
  ctx: SentenceContext;
  error?: string;
  onChange: (rule: ConditionRule) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("conditions");
  const id = useId();
  const customFieldType = rule.customFieldId ? ctx.customFieldType(rule.customFieldId) : undefined;
  const family = familyOf(rule.field, customFieldType);
  const choice = family ? choiceOf(family, rule) : null;
  const carried = fields.includes(rule.field);
  const customFields = fields.includes(CUSTOM) ? (options?.customFields ?? []) : [];
  const recordFields = fields.filter((f) => f.startsWith("record.") && f !== CUSTOM);
  const sentence = ruleSentence(rule, ctx);
  // Custom fields of several projects may share a name: the project tells them apart.
  const projectNames = new Map((options?.lists ?? []).map((l) => [l.projectId, l.projectName]));

  const pickField = (value: string) => {
    if (value.startsWith(`${CUSTOM}:`)) {
      const fieldId = value.slice(CUSTOM.length + 1);
      const type = options?.customFields.find((f) => f.id === fieldId)?.type;
      const next = type ? familyOf(CUSTOM, type) : null;
      if (next) onChange(newRule(CUSTOM, next, fieldId));
      return;
    }
    const key = value as keyof typeof FIXED_FIELD_FAMILY;
    onChange(newRule(key, FIXED_FIELD_FAMILY[key]));
  };
  const pickChoice = (choiceId: string) => {
    const next = family ? choicesFor(family).find((c) => c.id === choiceId) : undefined;
    if (family && next) onChange(applyChoice(rule, family, next));
  };

  return (
    <fieldset
      aria-describedby={`${id}-sentence`}
      className="flex min-w-0 flex-col gap-2 rounded-md border border-slate-200 bg-white p-3"
    >
      <legend className="sr-only">{t("rule", { number })}</legend>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.3fr)_auto] sm:items-end">
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-field`} className="text-xs font-medium text-slate-600">
            {t("field")}
          </label>
          <select
            id={`${id}-field`}
            className={CONTROL}
            value={fieldValue(rule)}
            onChange={(e) => pickField(e.target.value)}
          >
            {!carried || (rule.field === CUSTOM && !customFields.some((f) => f.id === rule.customFieldId)) ? (
              <option value={fieldValue(rule)}>
                {rule.field === CUSTOM
                  ? referenceText(ctx, "customField", rule.customFieldId ?? "")
                  : t(`fields.${FIXED_FIELD_FAMILY[rule.field]}`)}
              </option>
            ) : null}
            {recordFields.length > 0 ? (
              <optgroup label={t("fieldGroups.record")}>
                {recordFields.map((f) => (
                  <option key={f} value={f}>
                    {t(`fields.${FIXED_FIELD_FAMILY[f as keyof typeof FIXED_FIELD_FAMILY]}`)}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {customFields.length > 0 ? (
              <optgroup label={t("fieldGroups.customFields")}>
                {customFields.map((f) => (
                  <option key={f.id} value={`${CUSTOM}:${f.id}`}>
                    {projectNames.size > 1 ? `${f.name} · ${projectNames.get(f.projectId) ?? ""}` : f.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {fields.includes("comment.author") ? (
              <optgroup label={t("fieldGroups.comment")}>
                <option value="comment.author">{t("fields.commentAuthor")}</option>
              </optgroup>
            ) : null}
            {fields.includes("checklistItem.done") ? (
              <optgroup label={t("fieldGroups.checklistItem")}>
                <option value="checklistItem.done">{t("fields.checklistItemDone")}</option>
              </optgroup>
            ) : null}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-operator`} className="text-xs font-medium text-slate-600">
            {t("operator")}
          </label>
          <select
            id={`${id}-operator`}
            className={CONTROL}
            value={choice?.id ?? ""}
            disabled={!family}
            onChange={(e) => pickChoice(e.target.value)}
          >
            {!choice ? <option value="">{t("choose")}</option> : null}
            {family
              ? choicesFor(family).map((c) => (
                  <option key={c.id} value={c.id}>
                    {t(`${family}.choices.${c.id}`)}
                  </option>
                ))
              : null}
          </select>
        </div>
        <div className="min-w-0">
          {choice && choice.input.kind !== "none" ? (
            <ValueInput
              id={`${id}-value`}
              rule={rule}
              choice={choice}
              options={options}
              ctx={ctx}
              invalid={Boolean(error)}
              onChange={(value) => onChange({ ...rule, value })}
            />
          ) : null}
        </div>
        <button
          type="button"
          onClick={onRemove}
          aria-label={t("removeRule", { number })}
          className="justify-self-end rounded-md px-2 py-1.5 text-sm text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <span aria-hidden="true">✕</span>
          <span className="sm:sr-only"> {t("remove")}</span>
        </button>
      </div>
      <p id={`${id}-sentence`} className="text-sm text-slate-700" data-testid="rule-sentence">
        {sentence}
      </p>
      {!carried ? <p className="text-xs text-amber-700">{t("notCarried")}</p> : null}
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function ValueInput({
  id,
  rule,
  choice,
  options,
  ctx,
  invalid,
  onChange,
}: {
  id: string;
  rule: ConditionRule;
  choice: Choice;
  options: ConditionOptions | undefined;
  ctx: SentenceContext;
  invalid: boolean;
  onChange: (value: unknown) => void;
}) {
  const t = useTranslations("conditions");
  const input = choice.input;
  const label = (
    <label htmlFor={id} className="text-xs font-medium text-slate-600">
      {t("value")}
    </label>
  );
  if (input.kind === "text" || input.kind === "number" || input.kind === "date") {
    const kind = input.kind;
    return (
      <div className="flex flex-col gap-1">
        {label}
        <input
          id={id}
          type={kind === "text" ? "text" : kind}
          step={kind === "number" ? "any" : undefined}
          inputMode={kind === "number" ? "decimal" : undefined}
          aria-invalid={invalid || undefined}
          className={CONTROL}
          defaultValue={typedValueText(kind, rule.value)}
          key={`${rule.field}:${rule.customFieldId ?? ""}:${choice.id}`}
          onChange={(e) => onChange(parseTypedValue(kind, e.target.value))}
        />
      </div>
    );
  }
  if (input.kind === "none") return null;
  const items = refOptions(input.ref, rule, options);
  const known = new Set(items.map((i) => i.id));
  if (input.kind === "one") {
    const value = typeof rule.value === "string" ? rule.value : "";
    return (
      <div className="flex flex-col gap-1">
        {label}
        <select
          id={id}
          className={CONTROL}
          value={value}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
        >
          <option value="">{t("choose")}</option>
          {value && !known.has(value) ? <option value={value}>{referenceText(ctx, input.ref, value)}</option> : null}
          <OptionList items={items} />
        </select>
      </div>
    );
  }
  const selected = Array.isArray(rule.value) ? rule.value.map(String) : [];
  const gone: Option[] = selected
    .filter((v) => !known.has(v))
    .map((v) => ({ id: v, label: referenceText(ctx, input.ref, v) }));
  const toggle = (valueId: string, on: boolean) => {
    const next = on ? [...selected, valueId] : selected.filter((v) => v !== valueId);
    onChange(next.length > 0 ? next : undefined);
  };
  return (
    <fieldset className="flex min-w-0 flex-col gap-1" aria-invalid={invalid || undefined}>
      <legend className="mb-1 text-xs font-medium text-slate-600">{t("values")}</legend>
      <div className="flex max-h-40 flex-wrap gap-1.5 overflow-y-auto">
        {[...gone, ...items].map((item) => (
          <label key={item.id} className="relative inline-flex max-w-full">
            <input
              type="checkbox"
              className="peer absolute inset-0 opacity-0"
              checked={selected.includes(item.id)}
              onChange={(e) => toggle(item.id, e.target.checked)}
            />
            <span className="truncate rounded-full px-2.5 py-1 text-xs ring-1 ring-slate-300 peer-checked:bg-brand-600 peer-checked:text-white peer-checked:ring-brand-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600">
              {item.group ? `${item.label} · ${item.group}` : item.label}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
