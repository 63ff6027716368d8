/** Small Markdown helpers for the README. */

/** Text safe inside a table cell: one line, pipes escaped. */
export function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n+/g, " ");
}
