"use client";

import { ApiClientError } from "@/lib/client/api-client";
import { Card } from "../ui/card";
import { ConditionsBuilder, useSentenceContext } from "./conditions-builder";
import { type ConditionGroup, conditionErrorsByPath } from "./conditions-model";
import { ConditionsPreview } from "./conditions-preview";
import { useConditionOptions } from "./conditions-queries";
import type { ConditionReference } from "./conditions-sentence";

/** The API's field names under `conditions` in an error, to put on the form like its other fields. */
export function conditionFieldNames(error: unknown): string[] {
  if (!(error instanceof ApiClientError) || !error.fields) return [];
  return Object.keys(error.fields).filter((name) => name === "conditions" || name.startsWith("conditions."));
}

/** The webhook form's "Only when…" card and, below it, the preview of what the webhook would have sent. */
export function ConditionsSection({
  value,
  onChange,
  allEvents,
  events,
  allProjects,
  projectIds,
  references,
  errors,
  webhookId,
}: {
  value: ConditionGroup | null;
  onChange: (value: ConditionGroup | null) => void;
  allEvents: boolean;
  events: string[];
  allProjects: boolean;
  projectIds: string[];
  references?: ConditionReference[];
  /** react-hook-form's errors under `conditions`. */
  errors: unknown;
  /** The saved webhook being edited, if any (its preview can send a real event as a test). */
  webhookId?: string;
}) {
  const options = useConditionOptions({ allProjects, projectIds }, value !== null);
  const ctx = useSentenceContext(options.data, references);
  return (
    <>
      <Card>
        <ConditionsBuilder
          value={value}
          onChange={onChange}
          allEvents={allEvents}
          events={events}
          allProjects={allProjects}
          projectIds={projectIds}
          references={references}
          errors={conditionErrorsByPath(errors)}
        />
      </Card>
      <Card>
        <ConditionsPreview
          form={{ allEvents, events, allProjects, projectIds, conditions: value }}
          ctx={ctx}
          webhookId={webhookId}
        />
      </Card>
    </>
  );
}
