import { markdownTable } from "markdown-table";

export { cell, code, escapeMarkdown as inline } from "../markdown/escape.js";

/** "1 run", "3 runs", "1,270 runs". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** First clause of a reason, at most `max` characters, cut at a word. */
export function shortReason(reason: string, max = 80): string {
  const clause = reason.split(/;\s/)[0]!.trim();
  if (clause.length <= max) return clause;
  const cut = clause.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Unpadded: GitHub aligns the columns anyway, and padding would cost bytes of a size-limited body. */
export function table(rows: string[][]): string {
  return markdownTable(rows, { alignDelimiters: false });
}
