import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { NoticeView } from "@/lib/client/people-types";
import { noticeKeys } from "@/lib/client/query-keys";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { NoticeList } from "./notice-list";

const disabled: NoticeView = {
  id: "n1",
  kind: "webhook_disabled",
  title: "Webhook “Orders” was disabled",
  body: "5 delivery attempts of TODO_CREATED failed (last: HTTP 500). Fix the receiver at https://example.com/hook…",
  params: { name: "Orders", url: "https://example.com/hook", reason: "5 delivery attempts of TODO_CREATED failed" },
  webhookId: "wh_1",
  createdAt: "2026-12-01T10:00:00.000Z",
  readAt: null,
};

function render(locale: "en" | "es", notices: NoticeView[]) {
  const client = new QueryClient();
  client.setQueryData(noticeKeys.list(), notices);
  const children = createElement(QueryClientProvider, { client }, createElement(NoticeList));
  const messages = locale === "es" ? es : en;
  const now = new Date("2026-12-01T12:00:00Z");
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, { locale, messages, now, timeZone: "UTC", children }),
  )
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"');
}

describe("NoticeList", () => {
  it("shows a stored notice in the reader's language, with the technical reason and the English original", () => {
    const text = render("es", [disabled]);
    expect(text).toContain("Se ha desactivado el webhook «Orders»");
    expect(text).toContain("Arregla tu servidor");
    expect(text).toContain(`Qué falló (detalle técnico): ${disabled.params?.reason}`);
    expect(text).toContain("Webhook “Orders” was disabled");
  });

  it("for an English reader: the catalogue's text and the reason, without repeating the original", () => {
    const text = render("en", [disabled]);
    expect(text).toContain("The webhook “Orders” was turned off");
    expect(text).toContain("What went wrong (technical detail): 5 delivery attempts");
    expect(text).not.toContain("Webhook “Orders” was disabled");
  });

  it("falls back to the stored English for a notice without params", () => {
    const text = render("es", [{ ...disabled, params: null }]);
    expect(text).toContain("Webhook “Orders” was disabled");
    expect(text).not.toContain("Se ha desactivado");
  });
});
