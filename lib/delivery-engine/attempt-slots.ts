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

/** Count an attempt its lane already admitted (its pump checked the width). */
export function takeSlot(webhookId: string) {
  inFlight.set(webhookId, (inFlight.get(webhookId) ?? 0) + 1);
}

export function releaseSlot(webhookId: string, count = 1) {
  const n = (inFlight.get(webhookId) ?? count) - count;
  if (n <= 0) inFlight.delete(webhookId);
  else inFlight.set(webhookId, n);
}

/** Hold `count` slots of the webhook at once (a lane's pump, for the attempts it is claiming). */
export function takeSlots(webhookId: string, count: number) {
  if (count > 0) inFlight.set(webhookId, (inFlight.get(webhookId) ?? 0) + count);
}

export const attemptsInFlightHere = (webhookId: string) => inFlight.get(webhookId) ?? 0;
