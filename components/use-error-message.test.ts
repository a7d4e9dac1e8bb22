import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ApiClientError } from "@/lib/client/api-client";
import es from "@/messages/es.json";
import { useErrorMessage } from "./use-error-message";

function Probe({ error }: { error: unknown }) {
  return createElement("p", null, useErrorMessage()(error));
}

function messageFor(error: unknown) {
  const children = createElement(Probe, { error });
  const tree = createElement(NextIntlClientProvider, { locale: "es", messages: es, timeZone: "UTC", children });
  const html = renderToStaticMarkup(tree);
  return html.replace(/<[^>]+>/g, "");
}

describe("useErrorMessage", () => {
  it("says which field the API refused, as a sentence in the reader's language", () => {
    const refused = new ApiClientError(422, "validation_failed", "name: must be at most 100 characters", {
      name: ["must be at most 100 characters"],
    });
    expect(messageFor(refused)).toBe("«Nombre» admite como máximo 100 caracteres.");
  });

  it("keeps the API's message for other errors, and translates network and unknown failures", () => {
    expect(messageFor(new ApiClientError(409, "conflict", "The project is archived"))).toBe("The project is archived");
    expect(messageFor(new ApiClientError(0, "network_error", "fetch failed"))).toBe(es.errors.network);
    expect(messageFor(new Error("boom"))).toBe(es.errors.generic);
  });
});
