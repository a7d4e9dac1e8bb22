// A tag's colour is whatever its creator picked, so the text on it is chosen per colour: black
// or white, whichever contrasts more (WCAG relative luminance); with pure black, one of the two
// always reaches 4.5:1, the contrast small text needs. Literal colours, not theme ones:
// the chip looks the same in the light and the dark theme.
const DARK_TEXT = "#000000";
const LIGHT_TEXT = "#ffffff";

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** The style of a chip in `color` (#rrggbb): its background and the more readable text colour. */
export function tagChipStyle(color: string): { backgroundColor: string; color: string } {
  const background = luminance(color);
  const text =
    contrast(background, luminance(DARK_TEXT)) >= contrast(background, luminance(LIGHT_TEXT)) ? DARK_TEXT : LIGHT_TEXT;
  return { backgroundColor: color, color: text };
}
