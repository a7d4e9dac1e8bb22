"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { type EventTypeGroups, useEventSample, useEventTypeGroups } from "./event-types/queries";
import { useEventText } from "./i18n/use-event-text";
import { Alert } from "./ui/alert";
import { Card } from "./ui/card";
import { CodeBox } from "./ui/code-box";
import { SkeletonBar, SkeletonCards } from "./ui/skeleton";
import { useErrorMessage } from "./use-error-message";

export function EventCatalog() {
  const t = useTranslations("eventTypes");
  const eventText = useEventText();
  const errorMessage = useErrorMessage();
  const groups = useEventTypeGroups();
  if (groups.isPending) return <SkeletonCards label={t("loading")} cards={3} />;
  if (groups.error) return <Alert tone="error">{errorMessage(groups.error)}</Alert>;
  return (
    <div className="flex flex-col gap-6">
      {groups.data.map((group) => (
        <Card key={group.id}>
          <h2 className="mb-3 text-lg font-semibold">{eventText.group(group.id)}</h2>
          <ul className="flex flex-col divide-y divide-slate-100">
            {group.events.map((event) => (
              <EventRow key={event.type} event={event} />
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}

function EventRow({ event }: { event: EventTypeGroups[number]["events"][number] }) {
  const t = useTranslations("eventTypes");
  const tl = useTranslations("loading");
  const eventText = useEventText();
  const [open, setOpen] = useState(false);
  const sample = useEventSample(event.type, open);
  return (
    <li className="py-3">
      <div className="flex items-baseline justify-between gap-4">
        <div className="min-w-0">
          <p className="font-medium">{eventText.label(event.type)}</p>
          <p className="text-sm text-slate-600">{eventText.description(event.type)}</p>
          <code className="break-all text-xs text-slate-500">{event.type}</code>
        </div>
        <button
          type="button"
          className="shrink-0 text-sm text-brand-700 underline"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {t("showSample")}
        </button>
      </div>
      {open && sample.data ? (
        <CodeBox dark className="mt-2 max-h-80 p-3">
          {JSON.stringify(sample.data.sample, null, 2)}
        </CodeBox>
      ) : open && sample.isPending ? (
        <div className="mt-2 flex flex-col gap-2" aria-busy="true">
          <p role="status" className="sr-only">
            {tl("sample")}
          </p>
          <SkeletonBar className="h-24 w-full" />
        </div>
      ) : null}
    </li>
  );
}
