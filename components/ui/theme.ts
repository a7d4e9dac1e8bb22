// The colour theme: "system" follows the device's light/dark setting. The choice is kept in a
// cookie so the server renders <html data-theme> with it and the first paint is already right.
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "theme";

export const isTheme = (value: unknown): value is Theme =>
  typeof value === "string" && (THEMES as readonly string[]).includes(value);
