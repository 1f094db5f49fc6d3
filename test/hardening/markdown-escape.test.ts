import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { cell, code, escapeMarkdown } from "../../src/markdown/escape.js";
import { table } from "../../src/report/markdown-text.js";

// Issue 10, item 16: one escaping function for all Markdown output, checked against a CommonMark
// + GFM renderer on arbitrary text.
const md = new MarkdownIt({ html: true, linkify: false });

/** What a reader sees: the text of the rendered HTML (entities decoded, tags gone). */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .trim();
}

/** The text as Maat promises to show it: one line, control characters as spaces, mentions defused. */
function shown(text: string): string {
  return text.replace(/[\r\n\u2028\u2029\u0000-\u001f\u007f]+/g, " ").replace(/@/g, "@\u200b");
}

const anyText = fc.string({
  unit: fc.constantFrom(..."ab1 @#*_`[]()<>&|\\!~-+.=:{}\n\r\t\"'"),
  maxLength: 40,
});

describe("escapeMarkdown", () => {
  it("renders as exactly the text it was given, in one paragraph, with no HTML element", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const html = md.render(escapeMarkdown(`x ${text} x`));
        expect(html.startsWith("<p>")).toBe(true);
        expect(html.match(/<(?!\/?p>)/g) ?? []).toEqual([]);
        expect(textOf(html)).toBe(shown(`x ${text} x`).trim().replace(/ +$/g, ""));
      }),
      { numRuns: 500 },
    );
  });

  it("never starts a list, quote, heading or rule, whatever the text starts with", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        fc.pre(shown(text).trim() !== "");
        const html = md.render(escapeMarkdown(text));
        expect(html.startsWith("<p>")).toBe(true);
        expect(textOf(html)).toBe(shown(text).trim());
      }),
      { numRuns: 500 },
    );
    expect(md.render(escapeMarkdown("- 1. # x"))).toBe("<p>- 1. # x</p>\n");
  });

  it("never leaves an @mention, a raw <tag> or a line break", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeMarkdown(text);
        expect(escaped).not.toMatch(/@[A-Za-z0-9]/);
        expect(escaped).not.toMatch(/[<>\n\r]/);
      }),
    );
  });

  it("inside a table cell keeps the table's shape and the text", () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const markdown = table([
          ["Metric", "Unit"],
          [cell(escapeMarkdown(`m ${a}`)), cell(code(`u ${b}`))],
        ]);
        const html = md.render(markdown);
        expect(html.match(/<td>/g)).toHaveLength(2);
        const cells = [...html.matchAll(/<td>(.*?)<\/td>/gs)].map((m) => textOf(m[1]!));
        expect(cells[0]).toBe(shown(`m ${a}`).trim());
      }),
      { numRuns: 300 },
    );
  });

  it("code spans survive backticks of any length", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const html = md.render(`x ${code(text)} x`);
        expect(html).toContain("<code>");
        expect((html.match(/<code>/g) ?? []).length).toBe(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe("Markdown output with hostile names", () => {
  it("maat compare --markdown keeps names and units as text in one table row each", async () => {
    const { makeReceipt } = await import("../fixtures/receipts/make-receipt.js");
    const { compareReceipts } = await import("../../src/compare/compare-receipts.js");
    const { baselineStore } = await import("../../src/baselines/store.js");
    const { renderComparisonMarkdown } = await import("../../src/compare/render-markdown.js");
    const receipt = makeReceipt({
      values: { "<img src=x onerror=alert(1)>\n| @ml-team [x](http://e)": [1, 2, 3] },
    });
    const markdown = renderComparisonMarkdown(compareReceipts([receipt], baselineStore([])));
    const html = md.render(markdown);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<a ");
    expect(markdown).not.toMatch(/@ml-team/);
    const rows = [...html.matchAll(/<tr>/g)].length;
    expect(rows).toBe(1 + Object.keys(receipt.metrics).length);
  });

  it("regression issue bodies keep metric and benchmark names as text", async () => {
    const { syncRegressionIssues } = await import("../../src/github/regression-issues.js");
    let body = "";
    const octokit = {
      paginate: async () => [],
      rest: {
        issues: {
          listForRepo: {},
          create: async (args: { body: string }) => {
            body = args.body;
            return { data: { number: 1 } };
          },
        },
      },
    };
    await syncRegressionIssues(
      octokit as never,
      { owner: "o", repo: "r" },
      [
        {
          benchmark: "**b** @org/team",
          metric: "m</details><script>",
          hardware: "h`w",
          state: "regression",
          details: "",
        },
      ],
      { labels: [], assignees: [], closeAfterGoodRuns: 2 },
    );
    const html = md.render(body);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("</details>");
    expect(body).not.toMatch(/@org/);
    expect(textOf(html)).toContain("**b**");
  });
});
