// Tailwind v4 reads its theme from CSS: the product's design tokens (brand colours, and their dark
// counterparts) live in app/globals.css's @theme, so the dark theme can redefine them. This file,
// loaded there through @config, names the sources Tailwind scans for class names.
import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
} satisfies Config;
