// Every Inngest function of the app, served by app/api/inngest.
import { fanOut } from "./functions/fan-out";
import { pruneDeliveriesFunction } from "./functions/prune-deliveries";
import { relayOutbox } from "./functions/relay-outbox";
import { retryDeliveryFunction } from "./functions/retry-delivery";
import { systemPingFunction } from "./functions/system-ping";

export const functions = [fanOut, retryDeliveryFunction, relayOutbox, pruneDeliveriesFunction, systemPingFunction];
