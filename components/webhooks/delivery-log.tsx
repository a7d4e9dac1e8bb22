"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { useErrorMessage } from "../use-error-message";
import { DeliveryFilterBar, useDeliveryFilters } from "./delivery-filters";
import { DeliveryPanel } from "./delivery-panel";
import { useDeliveryLog } from "./delivery-queries";
import { DeliveryTable } from "./delivery-table";

/** The delivery log: filters kept in the URL, keyset pages, live while anything retries. */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const t = useTranslations("webhookPage");
  const errorMessage = useErrorMessage();
  const { filters, setFilter } = useDeliveryFilters();
  const log = useDeliveryLog(webhookId, filters);
  const [open, setOpen] = useState<string | null>(null);
  const rows = log.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Card>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">{t("deliveries")}</h2>
        <DeliveryFilterBar filters={filters} onChange={setFilter} />
      </div>
      {log.error ? <Alert tone="error">{errorMessage(log.error)}</Alert> : null}
      {!log.isPending && rows.length === 0 ? <p className="text-sm text-slate-600">{t("noDeliveries")}</p> : null}
      {rows.length ? <DeliveryTable rows={rows} onOpen={setOpen} /> : null}
      {log.hasNextPage ? (
        <div className="mt-3">
          <Button variant="secondary" onClick={() => log.fetchNextPage()} disabled={log.isFetchingNextPage}>
            {t("loadMore")}
          </Button>
        </div>
      ) : null}
      <DeliveryPanel deliveryId={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
