import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import it_ from "@/messages/it.json";
import ru from "@/messages/ru.json";
import { GuideLink } from "./guide-link";
import { NODE_VERIFY } from "./verify-examples";
import { WebhookGuide } from "./webhook-guide";

const MESSAGES = { en, it: it_, ru };

function render(children: React.ReactElement, locale: keyof typeof MESSAGES) {
  const tree = createElement(NextIntlClientProvider, { locale, messages: MESSAGES[locale], timeZone: "UTC", children });
  return renderToStaticMarkup(tree);
}
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'");

describe("the webhook guide", () => {
  it("explains, in the reader's language, what a webhook is, what the receiver must do in the configured time, and how to verify", () => {
    const page = text(render(createElement(WebhookGuide, { timeoutSeconds: 7 }), "it"));
    expect(page).toContain("Cos’è un webhook?");
    expect(page).toContain("entro 7 secondi");
    expect(page).toContain("webhook-signature");
    expect(page).toContain("Ogni invio viene tentato fino a 5 volte");
    expect(page).toContain("al massimo un avviso di questo tipo all’ora");
    for (const language of ["Node.js", "Python", "PHP"]) expect(page).toContain(`Copia l’esempio in ${language}`);
  });

  it("shows the examples as they are, to copy", () => {
    const page = text(render(createElement(WebhookGuide, { timeoutSeconds: 7 }), "en"));
    expect(page).toContain("function verifyWebhook(rawBody, headers, secret)");
    expect(page).toContain("def verify_webhook(raw_body: bytes, headers, secret: str) -&gt; bool:");
    expect(page).toContain("function verify_webhook(string $rawBody, array $headers, string $secret): bool");
    expect(NODE_VERIFY).toContain('headers["webhook-signature"]');
  });

  it("is linked in every language", () => {
    const html = render(createElement(GuideLink), "ru");
    expect(html).toContain('href="/help/webhooks"');
    expect(text(html)).toContain("Впервые с вебхуками? Прочитайте краткое руководство");
  });
});
