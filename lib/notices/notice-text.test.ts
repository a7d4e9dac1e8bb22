import { describe, expect, it } from "vitest";
import { translatorFor } from "@/i18n/translator";
import { noticeText } from "./notice-text";

const disabled = {
  kind: "webhook_disabled",
  title: "Webhook “Orders” was disabled",
  body: "5 delivery attempts of TODO_CREATED failed (last: HTTP 500). Fix the receiver…",
  params: { name: "Orders", url: "https://example.com/hook", reason: "5 delivery attempts failed" },
};

describe("noticeText", () => {
  it("renders a stored notice in the reader's language from its kind and params", () => {
    const text = noticeText(translatorFor("es", "notices"), disabled);
    expect(text).toEqual({
      title: "Se ha desactivado el webhook «Orders»",
      body: expect.stringContaining("Arregla tu servidor"),
      translated: true,
    });
  });

  it("fills an access notice with the project names", () => {
    const text = noticeText(translatorFor("sv", "notices"), {
      kind: "webhook_access_revoked",
      title: "Webhook “Orders”: No more access to “Shop”",
      body: "…",
      params: { name: "Shop", webhook: "Orders" },
    });
    expect(text.title).toBe("Ingen åtkomst längre till ”Shop”");
  });

  it("keeps the stored English for notices without params and kinds without messages", () => {
    expect(noticeText(translatorFor("es", "notices"), { ...disabled, params: null })).toEqual({
      title: disabled.title,
      body: disabled.body,
      translated: false,
    });
    expect(noticeText(translatorFor("es", "notices"), { ...disabled, kind: "something_new" }).title).toBe(
      disabled.title,
    );
  });
});
