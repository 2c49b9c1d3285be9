// Input quoted in a report line. A reason names the span text, the column or the line it
// is about, but that text comes from the file and may be a megabyte long: a report holding
// it whole would be as large as the file, once per bad line. So what a reason quotes is
// cut short, at a code point (never between the halves of an emoji), and kept on one line.

/** The most code points of input one quotation shows. */
const MAX_QUOTED = 60;

/// `text` as a JSON string (line breaks and tabs escaped), cut to `max` code points with "…".
export function quoted(text: string, max = MAX_QUOTED): string {
  return JSON.stringify(shortened(text, max));
}

/// `text` cut to `max` code points, with "…" when it was longer.
export function shortened(text: string, max = MAX_QUOTED): string {
  // Most quotations are short: no need to split a long text into code points to see it.
  if (text.length <= max) return text;
  // Twice `max` UTF-16 units hold at least `max` code points.
  const chars = Array.from(text.slice(0, max * 2));
  if (chars.length <= max && text.length <= max * 2) return text;
  return `${chars.slice(0, max - 1).join('')}…`;
}
