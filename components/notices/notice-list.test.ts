import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/i18n/locales";
import { translatorFor } from "@/i18n/translator";
import type { NoticeView } from "@/lib/client/people-types";
import { noticeKeys } from "@/lib/client/query-keys";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import it_ from "@/messages/it.json";
import pt from "@/messages/pt.json";
import ru from "@/messages/ru.json";
import sv from "@/messages/sv.json";
import { NoticeList } from "./notice-list";

const MESSAGES = { en, es, pt, it: it_, ru, sv };

const disabled: NoticeView = {
  id: "n1",
  kind: "webhook_disabled",
  title: "Webhook “Orders” was disabled",
  body: "5 delivery attempts of TODO_CREATED failed (last: HTTP 500). Fix the receiver at https://example.com/hook…",
  // The reason as lib/webhook-health.ts stores it: decide.ts's disableReason, the last answer included
  // (the notice's body starts with it).
  params: {
    name: "Orders",
    url: "https://example.com/hook",
    reason: "5 delivery attempts of TODO_CREATED failed (last: HTTP 500)",
  },
  webhookId: "wh_1",
  createdAt: "2026-12-01T10:00:00.000Z",
  readAt: null,
};

function markup(locale: Locale, notices: NoticeView[]) {
  const client = new QueryClient();
  client.setQueryData(noticeKeys.list(), notices);
  const children = createElement(QueryClientProvider, { client }, createElement(NoticeList));
  const messages = MESSAGES[locale];
  const now = new Date("2026-12-01T12:00:00Z");
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, { locale, messages, now, timeZone: "UTC", children }),
  );
}

function render(locale: Locale, notices: NoticeView[]) {
  return markup(locale, notices)
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"');
}

const reason = disabled.params?.reason as string;

describe("NoticeList", () => {
  it("shows a stored notice in the reader's language: the reason in plain words, the technical one and the English original a click away", () => {
    const text = render("es", [disabled]);
    expect(text).toContain("Se ha desactivado el webhook «Orders»");
    expect(text).toContain("Arregla tu servidor");
    expect(text).toContain(
      "Fallaron los 5 intentos de enviar «Registro creado». Última respuesta: Tu servidor respondió 500: un error en el propio servidor.",
    );
    expect(text).toMatch(/Detalles técnicos\s+5 delivery attempts of TODO_CREATED failed \(last: HTTP 500\)/);
    expect(text).toContain("Webhook “Orders” was disabled");
  });

  it("for an English reader: the catalogue's text and the reason, without repeating the original", () => {
    const text = render("en", [disabled]);
    expect(text).toContain("The webhook “Orders” was turned off");
    expect(text).toContain(
      "All 5 attempts to deliver “Record created” failed. Last answer: Your server answered 500 — an error on the server’s side.",
    );
    expect(text).not.toContain("Webhook “Orders” was disabled");
  });

  for (const locale of LOCALES) {
    it(`writes the reason in plain ${locale}, the stored technical text folded under "technical details"`, () => {
      const reasons = translatorFor(locale, "warnings.reasons");
      const attemptError = translatorFor(locale, "attemptError");
      const event = translatorFor(locale, "events.types")("TODO_CREATED.label");
      const plain = `${reasons("attempts", { attempts: 5, event })} ${reasons("last", { last: attemptError("serverError", { status: 500 }) })}`;
      const html = markup(locale, [disabled]);
      const text = render(locale, [disabled]);
      expect(text).toContain(plain);
      expect(text).not.toContain(reasons("unknown", { reason }));
      // The English technical reason only inside the folded details, under the reader's "technical details".
      const details = /<details[^>]*>\s*<summary[^>]*>([^<]*)<\/summary>\s*<p[^>]*>([^<]*)<\/p>\s*<\/details>/.exec(
        html,
      );
      expect(details?.slice(1)).toEqual([attemptError("technical"), reason]);
      expect(text.split(reason)).toHaveLength(2 + (locale === "en" ? 0 : 1));
    });
  }

  it("falls back to the stored English for a notice without params", () => {
    const text = render("es", [{ ...disabled, params: null }]);
    expect(text).toContain("Webhook “Orders” was disabled");
    expect(text).not.toContain("Se ha desactivado");
  });
});
