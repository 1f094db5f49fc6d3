import { markdownTable } from "markdown-table";

/** A plain aligned table for terminals, from the same renderer the Markdown reports use. */
export function renderTextTable(header: string[], rows: string[][]): string {
  const table = markdownTable([header, ...rows], { alignDelimiters: true });
  return table
    .split("\n")
    .filter((_, index) => index !== 1)
    .map((line) => line.replace(/^\| /, "").replace(/ \|$/, "").replaceAll(" | ", "  ").trimEnd())
    .join("\n");
}
