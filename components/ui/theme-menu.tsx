"use client";

import { useTranslations } from "next-intl";
import { useId, useSyncExternalStore } from "react";
import { isTheme, THEME_COOKIE, THEMES, type Theme } from "./theme";

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

const CHANGED = "themechange";

// The theme lives on <html data-theme>; the menu reads it from there (the server does not know it
// while rendering this client component, so hydration starts from "system" and then follows).
function readTheme(): Theme {
  const value = document.documentElement.dataset.theme;
  return isTheme(value) ? value : "system";
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  return () => window.removeEventListener(CHANGED, onChange);
}

/**
 * System / light / dark. Applies at once (the page's palette follows <html data-theme>) and is
 * remembered in a cookie for this browser. `compact` hides the label visually.
 */
export function ThemeMenu({ compact = false }: { compact?: boolean }) {
  const t = useTranslations("finish.theme");
  const id = useId();
  const theme = useSyncExternalStore(subscribe, readTheme, () => "system" as const);

  function choose(next: Theme) {
    document.documentElement.dataset.theme = next;
    window.dispatchEvent(new Event(CHANGED));
    // biome-ignore lint/suspicious/noDocumentCookie: a plain, non-secret preference the server reads on the next render
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
  }

  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className={compact ? "sr-only" : "text-slate-600"}>
        {t("label")}
      </label>
      <select
        id={id}
        value={theme}
        onChange={(e) => {
          if (isTheme(e.target.value)) choose(e.target.value);
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800"
      >
        {THEMES.map((option) => (
          <option key={option} value={option}>
            {t(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
