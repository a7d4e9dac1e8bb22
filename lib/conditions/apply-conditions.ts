// The fan-out's conditions step: each webhook that selected the event (and would get a delivery,
// sent or kept as skipped) is FILTERED when its conditions do not hold, with the first failing
// rule. No query per webhook: the event's record is read once, and only when a rule needs it.
import type { Candidate, Match, SendableMatch } from "../delivery-engine/match-webhooks";
import { conditionsNeedRecord, type EvaluationEvent, evaluateConditions, type FailedRule } from "./evaluate";
import { loadRecordStates } from "./record-context";

export type Judged = (Match | { webhook: Candidate; outcome: "FILTERED" }) & { failedRule: FailedRule | null };

type StoredEvent = { type: string; todoId: string | null; previousValue: unknown; currentValue: unknown };

/** A webhook that would get a delivery (sent, or kept as skipped) and has conditions; the others are kept as they are. */
const judgedMatch = (m: Match): m is SendableMatch => m.outcome !== "ACCESS_REVOKED" && m.webhook.conditions !== null;

/** The record a comment or checklist event is on, as its payload names it. */
function recordIdOf(event: StoredEvent): string | null {
  const value = (event.currentValue ?? event.previousValue) as {
    todo?: { id?: string };
    checklist?: { todo?: { id?: string } };
  } | null;
  return event.todoId ?? value?.todo?.id ?? value?.checklist?.todo?.id ?? null;
}

export async function applyConditions(event: StoredEvent, matches: Match[]): Promise<Judged[]> {
  const judged = matches.filter(judgedMatch);
  let record: EvaluationEvent["context"];
  if (judged.some((m) => conditionsNeedRecord(m.webhook.conditions, event.type))) {
    const id = recordIdOf(event);
    record = { record: (id ? (await loadRecordStates([id])).get(id) : undefined) ?? null };
  }
  const input: EvaluationEvent = {
    type: event.type,
    data: { previousValue: event.previousValue, currentValue: event.currentValue },
    context: record,
  };
  return matches.map((m): Judged => {
    if (!judgedMatch(m)) return { ...m, failedRule: null };
    const { matched, failedRule } = evaluateConditions(m.webhook.conditions, input);
    return matched ? { ...m, failedRule: null } : { webhook: m.webhook, outcome: "FILTERED", failedRule };
  });
}
