import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { WebhookView } from "@/lib/validations/webhook";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import ru from "@/messages/ru.json";
import { DisabledBanner } from "./disabled-banner";
import { HealthLegend } from "./health-legend";
import { TurnedOffWebhooks } from "./turned-off-webhooks";

type Banner = Parameters<typeof DisabledBanner>[0]["webhook"];

const NOW = new Date("2026-12-01T12:00:00Z");
const disabled: Banner = {
  id: "wh_1",
  enabled: false,
  state: "UNHEALTHY",
  disabledAt: "2026-12-01T10:00:00.000Z",
  disabledReason: "5 delivery attempts of TODO_CREATED failed (last: HTTP 500)",
};

function render(element: ReactElement, locale: "en" | "es" | "ru") {
  const children = createElement(QueryClientProvider, { client: new QueryClient() }, element);
  const messages = { en, es, ru }[locale];
  const tree = createElement(NextIntlClientProvider, { locale, messages, now: NOW, timeZone: "UTC", children });
  return renderToStaticMarkup(tree).replace(/<[^>]+>/g, " ");
}

describe("DisabledBanner", () => {
  it("says in the reader's language why and since when, what happens to events, and offers to fix and re-enable", () => {
    const text = render(createElement(DisabledBanner, { webhook: disabled }), "es");
    expect(text).toContain("Este webhook está desactivado");
    expect(text).toContain("Lo desactivamos hace 2 horas porque sus envíos fallaban una y otra vez.");
    expect(text).toContain(
      "Fallaron los 5 intentos de enviar «Registro creado». Última respuesta: Tu servidor respondió 500: un error en el propio servidor.",
    );
    expect(text).toContain(disabled.disabledReason);
    expect(text).toContain("los eventos nuevos se guardan como «Omitido»");
    expect(text).toContain("Arreglar y volver a activar");
  });

  it("for a webhook its creator turned off: no failure story, a plain turn-on button", () => {
    const text = render(
      createElement(DisabledBanner, { webhook: { ...disabled, state: "DISABLED", disabledReason: "Turned off" } }),
      "en",
    );
    expect(text).toContain("You turned it off 2 hours ago.");
    expect(text).not.toContain("What went wrong");
    expect(text).toContain("Turn on again");
  });

  it("shows nothing while the webhook is on", () => {
    const on: Pick<WebhookView, "enabled"> = { enabled: true };
    expect(render(createElement(DisabledBanner, { webhook: { ...disabled, ...on } }), "en").trim()).toBe("");
  });
});

describe("HealthLegend", () => {
  it("explains every state and that 5 failed attempts turn the webhook off", () => {
    const text = render(createElement(HealthLegend), "en");
    for (const word of ["No deliveries yet:", "Healthy:", "Degraded:", "Unhealthy:", "Off:"])
      expect(text).toContain(word);
    expect(text).toContain("If all 5 attempts fail, the webhook is turned off");
  });
});

describe("TurnedOffWebhooks", () => {
  const hooks = [
    { id: "a", name: "Orders", state: "UNHEALTHY" as const },
    { id: "b", name: "Paused", state: "DISABLED" as const },
    { id: "c", name: "Invoices", state: "UNHEALTHY" as const },
  ];

  it("lists only the webhooks failures turned off, in the reader's language", () => {
    const text = render(createElement(TurnedOffWebhooks, { webhooks: hooks }), "ru");
    expect(text).toContain("2 вебхука выключены, потому что отправки раз за разом не удавались.");
    expect(text).toContain("«Orders»: узнать причину и включить снова");
    expect(text).toContain("«Invoices»");
    expect(text).not.toContain("Paused");
  });

  it("shows nothing when none was turned off by failures", () => {
    expect(render(createElement(TurnedOffWebhooks, { webhooks: [hooks[1]] }), "en").trim()).toBe("");
  });
});
