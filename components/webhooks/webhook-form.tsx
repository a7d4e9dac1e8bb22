"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { EventType } from "@/lib/events/catalog";
import { createWebhookSchema, type WebhookView } from "@/lib/validations/webhook";
import { applyFieldErrors, withSentences } from "../form-errors";
import { GuideLink } from "../guide/guide-link";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { TextField } from "../ui/text-field";
import { useToast } from "../ui/toaster";
import { useErrorMessage, useFormErrors } from "../use-error-message";
import type { ConditionGroup } from "./conditions-model";
import { ConditionsSection, conditionFieldNames } from "./conditions-section";
import { DeliverySettingsFields } from "./delivery-settings-fields";
import { EventPicker } from "./event-picker";
import { ProjectPicker } from "./project-picker";
import { useCreateWebhook, useUpdateWebhook } from "./queries";
import { SecretDialog } from "./secret-dialog";

type FormInput = z.input<typeof createWebhookSchema>;
type FormOutput = z.output<typeof createWebhookSchema>;

const FIELDS = [
  "name",
  "url",
  "description",
  "events",
  "projectIds",
  "maxConcurrency",
  "maxPerSecond",
  "disablePolicy",
] as const;

/** Create or edit a webhook with the same schema the API validates with. */
export function WebhookForm({ webhook }: { webhook?: WebhookView }) {
  const t = useTranslations("webhooks.form");
  const tw = useTranslations("webhooks");
  const router = useRouter();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const formErrors = useFormErrors();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: withSentences(zodResolver(createWebhookSchema), formErrors),
    defaultValues: {
      name: webhook?.name ?? "",
      url: webhook?.url ?? "",
      description: webhook?.description ?? "",
      allEvents: webhook?.allEvents ?? true,
      events: (webhook?.events ?? []) as EventType[],
      allProjects: webhook?.allProjects ?? true,
      projectIds: webhook?.projectIds ?? [],
      maxConcurrency: webhook?.maxConcurrency ?? 10,
      maxPerSecond: webhook?.maxPerSecond ?? null,
      orderedDelivery: webhook?.orderedDelivery ?? false,
      disablePolicy: webhook?.disablePolicy ?? null,
      conditions: webhook?.conditions ?? null,
    },
  });
  const { errors } = form.formState;
  const values = form.watch();

  const onError = (error: Error) => {
    const fields = [...FIELDS, ...conditionFieldNames(error)] as (typeof FIELDS)[number][];
    if (!applyFieldErrors(error, form.setError, fields, formErrors)) toast("error", errorMessage(error));
  };
  const create = useCreateWebhook({
    onSuccess: (created) => {
      toast("success", tw("created"));
      setSecret(created.secret);
    },
    onError,
  });
  const update = useUpdateWebhook(webhook?.id ?? "", {
    onSuccess: () => {
      toast("success", tw("saved"));
      router.push("/settings/webhooks");
    },
    onError,
  });
  const save = webhook ? update : create;

  const onSubmit = form.handleSubmit((body) =>
    save.mutate({
      ...body,
      events: body.allEvents ? [] : body.events,
      projectIds: body.allProjects ? [] : body.projectIds,
    }),
  );

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
        <GuideLink />
        <Card className="flex flex-col gap-4">
          <TextField
            label={t("name")}
            placeholder={t("namePlaceholder")}
            error={errors.name?.message}
            {...form.register("name")}
          />
          <TextField
            label={t("url")}
            type="url"
            placeholder="https://example.com/webhooks/blue"
            hint={t("urlHint")}
            error={errors.url?.message}
            {...form.register("url")}
          />
          <TextField label={t("description")} error={errors.description?.message} {...form.register("description")} />
        </Card>
        <Card>
          <EventPicker
            all={values.allEvents ?? true}
            selected={values.events ?? []}
            error={errors.events?.message ?? errors.events?.root?.message}
            onChange={({ all, selected }) => {
              form.setValue("allEvents", all);
              form.setValue("events", selected as EventType[], { shouldValidate: form.formState.isSubmitted });
            }}
          />
        </Card>
        <Card>
          <ProjectPicker
            all={values.allProjects ?? true}
            selected={values.projectIds ?? []}
            error={errors.projectIds?.message ?? errors.projectIds?.root?.message}
            onChange={({ all, selected }) => {
              form.setValue("allProjects", all);
              form.setValue("projectIds", selected, { shouldValidate: form.formState.isSubmitted });
            }}
          />
        </Card>
        <ConditionsSection
          value={(values.conditions ?? null) as ConditionGroup | null}
          onChange={(next) => form.setValue("conditions", next, { shouldValidate: form.formState.isSubmitted })}
          allEvents={values.allEvents ?? true}
          events={values.events ?? []}
          allProjects={values.allProjects ?? true}
          projectIds={values.projectIds ?? []}
          references={webhook?.conditionReferences}
          errors={errors.conditions}
          webhookId={webhook?.id}
        />
        <Card>
          <DeliverySettingsFields
            value={{
              maxConcurrency: values.maxConcurrency,
              maxPerSecond: values.maxPerSecond,
              orderedDelivery: values.orderedDelivery,
              disablePolicy: values.disablePolicy,
            }}
            errors={{
              maxConcurrency: errors.maxConcurrency?.message,
              maxPerSecond: errors.maxPerSecond?.message,
              disablePolicy: errors.disablePolicy?.message ?? firstNestedError(errors.disablePolicy),
            }}
            onChange={(next) => {
              for (const [key, v] of Object.entries(next)) {
                form.setValue(key as "maxConcurrency", v as number, { shouldValidate: form.formState.isSubmitted });
              }
            }}
          />
        </Card>
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={() => router.push("/settings/webhooks")}>
            {t("cancel")}
          </Button>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? t("saving") : webhook ? t("save") : t("create")}
          </Button>
        </div>
      </form>
      <SecretDialog
        secret={secret}
        onDone={() => {
          setSecret(null);
          router.push("/settings/webhooks");
        }}
      />
    </>
  );
}

/** The first message under a nested field's errors (the policy's count, percent…). */
function firstNestedError(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  for (const value of Object.values(error)) {
    if (value && typeof value === "object" && "message" in value && typeof value.message === "string")
      return value.message;
  }
  return undefined;
}
