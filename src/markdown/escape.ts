/**
 * The one place Maat turns text it did not write (metric and benchmark names, units, reasons,
 * runner labels, hardware) into Markdown for GitHub: the report, the PR comment, the job summary,
 * `maat compare --markdown` and regression issues. Text stays text: no HTML, links, emphasis,
 * headings, tables broken by `|` or newlines, and no `@team` mention that pings anyone.
 */

/** Characters CommonMark or GitHub read as syntax anywhere in a line, escaped with a backslash. */
const SYNTAX = /[\\`*_[\]|~#]/g;
/** What starts a list, quote or heading underline at the start of a line. */
const LINE_START = /^(\s*)(?:([-+=>])|(\d+)([.)]))/;
/** A zero-width space after `@` keeps GitHub from turning `@team` into a mention. */
const MENTION = /@/g;

/** Plain text as inline Markdown that renders as the same text, on one line. */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(SYNTAX, "\\$&")
    .replace(LINE_START, (_all, space: string, mark?: string, digits?: string, dot?: string) =>
      mark === undefined ? `${space}${digits}\\${dot}` : `${space}\\${mark}`,
    )
    .replace(MENTION, "@\u200b");
}

/** Inline code: a fence longer than any run of backticks inside, so nothing ends it early. */
export function code(text: string): string {
  const line = oneLine(text);
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = line.startsWith("`") || line.endsWith("`") || line.trim() === "" ? " " : "";
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** A table cell: a bare `|` would split the cell, even inside inline code. */
export function cell(markdown: string): string {
  return oneLine(markdown).replace(/(?<!\\)\|/g, "\\|");
}

/** Control characters and line breaks of any kind become spaces: one line, nothing invisible. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029\u0000-\u001f\u007f]+/g, " ");
}
