// Tailwind v4 reads its theme from CSS; this file (loaded by app/globals.css through @config)
// holds the product's design tokens.
import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: { 50: "#eef6ff", 100: "#d9eaff", 500: "#2f80ed", 600: "#1f6fd8", 700: "#1a5bb0" },
      },
    },
  },
} satisfies Config;
