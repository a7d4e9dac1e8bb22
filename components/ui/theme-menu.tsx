"use client";

import { useTranslations } from "next-intl";
import { useId, useSyncExternalStore } from "react";
import { isTheme, THEME_COOKIE, THEMES, type Theme } from "./theme";

const ONE_YEAR_SECONDS = 365 * 24 * 3600;
const CHANGED = "themechange";

// The theme lives on <html data-theme> (rendered by the server from the cookie); the controls read
// it from there. The server does not know it while rendering a client component, so hydration
// starts from "system" and then follows.
function readTheme(): Theme {
  const value = document.documentElement.dataset.theme;
  return isTheme(value) ? value : "system";
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  return () => window.removeEventListener(CHANGED, onChange);
}

function useTheme() {
  return useSyncExternalStore(subscribe, readTheme, () => "system" as const);
}

/** Applies at once (the palette follows <html data-theme>) and is remembered for this browser. */
function applyTheme(next: Theme) {
  document.documentElement.dataset.theme = next;
  window.dispatchEvent(new Event(CHANGED));
  // biome-ignore lint/suspicious/noDocumentCookie: a plain, non-secret preference the server reads on the next render
  document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
}

/** System / light / dark, as a labelled drop-down (menus and forms with room for a label). */
export function ThemeMenu() {
  const t = useTranslations("finish.theme");
  const id = useId();
  const theme = useTheme();
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-slate-600">
        {t("label")}
      </label>
      <select
        id={id}
        value={theme}
        onChange={(e) => {
          if (isTheme(e.target.value)) applyTheme(e.target.value);
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

const ICONS: Record<Theme, string> = {
  // Half-filled circle: follows the device.
  system: "M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18zm0 2v14a7 7 0 0 1 0-14z",
  // Sun.
  light:
    "M12 7a5 5 0 1 0 0 10a5 5 0 0 0 0-10zM12 1v3M12 20v3M4.2 4.2l2.1 2.1M17.7 17.7l2.1 2.1M1 12h3M20 12h3M4.2 19.8l2.1-2.1M17.7 6.3l2.1-2.1",
  // Moon.
  dark: "M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z",
};

/** The same choice as one small button for the header: each press moves to the next theme. */
export function ThemeButton() {
  const t = useTranslations("finish.theme");
  const theme = useTheme();
  const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
  const label = t("button", { current: t(theme), next: t(next) });
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={() => applyTheme(next)}
      className="inline-flex size-8 items-center justify-center rounded-md text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="size-4"
        fill={theme === "light" ? "none" : "currentColor"}
        stroke="currentColor"
        strokeWidth={theme === "light" ? 2 : 0}
        strokeLinecap="round"
      >
        <path d={ICONS[theme]} fillRule="evenodd" />
      </svg>
    </button>
  );
}
