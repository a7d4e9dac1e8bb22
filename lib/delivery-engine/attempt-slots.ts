// This process's attempts in flight per webhook: inline ones of the fan-out and the lanes'
// background ones. Inline attempts may start only within the webhook's width, and a lane's pump
// counts them too (an inline attempt has no lease until its fan-out commits).
const inFlight = new Map<string, number>();

/** Take a slot of the webhook's width, or say there is none free in this process. */
export function tryTakeSlot(webhookId: string, width: number): boolean {
  if ((inFlight.get(webhookId) ?? 0) >= width) return false;
  takeSlot(webhookId);
  return true;
}

/** Count attempts their lane admitted (its pump checked the width), `count` at once for a pump's claim. */
export function takeSlot(webhookId: string, count = 1) {
  if (count > 0) inFlight.set(webhookId, (inFlight.get(webhookId) ?? 0) + count);
}

export function releaseSlot(webhookId: string, count = 1) {
  const n = (inFlight.get(webhookId) ?? count) - count;
  if (n <= 0) inFlight.delete(webhookId);
  else inFlight.set(webhookId, n);
}

export const attemptsInFlightHere = (webhookId: string) => inFlight.get(webhookId) ?? 0;
