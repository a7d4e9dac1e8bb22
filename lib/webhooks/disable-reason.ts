// The stored reason a webhook was turned off is English, written by the disable policy
// (delivery-engine/decide.ts disableReason) or the 410 rule (webhook-health.ts), and the API keeps
// it so. People read it in their language: it is parsed back here into a code and its values, and
// the UI writes it from `warnings.reasons.<code>` (components/webhooks/disable-reason.tsx).

export type DisableReasonCode = "attempts" | "streak" | "rate" | "gone" | "creator";

export type ParsedDisableReason = {
  code: DisableReasonCode;
  values: { event?: string; attempts?: number; count?: number; percent?: number; minutes?: number };
  /** The receiver's last answer or error, as recorded (technical). */
  lastError: string | null;
};

const PATTERNS: { code: DisableReasonCode; pattern: RegExp }[] = [
  { code: "attempts", pattern: /^(?<attempts>\d+) delivery attempts of (?<event>\w+) failed \(last: (?<last>.*)\)$/s },
  {
    code: "streak",
    pattern:
      /^(?<count>\d+) deliveries in a row failed after all their attempts \(last: (?<event>\w+), (?<last>.*)\)$/s,
  },
  {
    code: "rate",
    pattern:
      /^More than (?<percent>[\d.]+) % of deliveries failed in (?<minutes>\d+) minutes \(last: (?<event>\w+), (?<last>.*)\)$/s,
  },
  { code: "gone", pattern: /^The receiver answered 410 Gone to (?<event>\w+)$/ },
  { code: "creator", pattern: /^Turned off by its creator$/ },
];

/** The reason's code and values; null for a text no rule writes (shown as it is). */
export function parseDisableReason(reason: string): ParsedDisableReason | null {
  for (const { code, pattern } of PATTERNS) {
    const match = pattern.exec(reason);
    if (!match) continue;
    const { last, event, ...numbers } = match.groups ?? {};
    const values: ParsedDisableReason["values"] = Object.fromEntries(
      Object.entries(numbers).map(([k, v]) => [k, Number(v)]),
    );
    if (event) values.event = event;
    return { code, values, lastError: last && last !== "no answer" ? last : null };
  }
  return null;
}

/** Which plain sentence of `attemptError` fits a recorded error message, if one does. */
export function lastErrorKind(
  lastError: string,
):
  | { key: "serverError" | "clientError" | "redirect"; status: number }
  | { key: "timeout" | "refused" | "dns" | "tls" }
  | null {
  const http = /^HTTP (\d{3})$/.exec(lastError);
  if (http) {
    const status = Number(http[1]);
    return { key: status >= 500 ? "serverError" : status >= 400 ? "clientError" : "redirect", status };
  }
  if (/^Redirects are not followed \(HTTP (\d{3})/.test(lastError)) {
    return { key: "redirect", status: Number(/HTTP (\d{3})/.exec(lastError)![1]) };
  }
  if (/did not answer in time|timed? ?out|ETIMEDOUT/i.test(lastError)) return { key: "timeout" };
  if (/ECONNREFUSED/.test(lastError)) return { key: "refused" };
  if (/ENOTFOUND|EAI_AGAIN/.test(lastError)) return { key: "dns" };
  if (/certificate|SSL|TLS/i.test(lastError)) return { key: "tls" };
  return null;
}
