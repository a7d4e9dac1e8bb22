// Every Inngest function of the app, served by app/api/inngest.
import { deliveryLane } from "./functions/delivery-lane";
import { fanOut } from "./functions/fan-out";
import { pruneDeliveriesFunction } from "./functions/prune-deliveries";
import { relayOutbox } from "./functions/relay-outbox";
import { systemPingFunction } from "./functions/system-ping";

export const functions = [fanOut, deliveryLane, relayOutbox, pruneDeliveriesFunction, systemPingFunction];
