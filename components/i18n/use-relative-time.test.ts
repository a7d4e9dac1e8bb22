import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { useRelativeTime } from "./use-relative-time";

const NOW = new Date("2026-12-01T12:00:00Z");

function Probe({ at, kind }: { at: Date; kind: "ago" | "until" }) {
  return createElement("p", null, useRelativeTime()[kind](at));
}

/** Rendered as the server renders it: against the request's `now`, with no clock of its own. */
function render(locale: string, at: Date, kind: "ago" | "until") {
  const children = createElement(Probe, { at, kind });
  const tree = createElement(NextIntlClientProvider, { locale, messages: {}, timeZone: "UTC", now: NOW, children });
  return renderToStaticMarkup(tree).replace(/<[^>]+>/g, "");
}

describe("useRelativeTime", () => {
  it("reads past moments against the request's now, in the reader's language", () => {
    expect(render("en", new Date(NOW.getTime() - 3 * 60_000), "ago")).toBe("3 minutes ago");
    expect(render("es", new Date(NOW.getTime() - 3 * 60_000), "ago")).toBe("hace 3 minutos");
  });

  it("never says a past moment is to come: one after the clock's last tick reads as now", () => {
    expect(render("en", new Date(NOW.getTime() + 5_000), "ago")).toBe("now");
  });

  it("reads moments to come as such", () => {
    expect(render("en", new Date(NOW.getTime() + 2 * 60_000), "until")).toBe("in 2 minutes");
    expect(render("sv", new Date(NOW.getTime() + 2 * 60_000), "until")).toBe("om 2 minuter");
  });
});
