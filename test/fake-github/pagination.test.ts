import { describe, expect, it } from "vitest";
import { paginate } from "../support/fake-github/http/pagination.js";

const items = Array.from({ length: 250 }, (_, i) => i);
const url = new URL(
  "http://127.0.0.1:9/repos/acme/models/issues/1/comments?per_page=100&since=2025-01-01T00%3A00%3A00Z",
);

function rels(link: string | undefined): Record<string, string> {
  return Object.fromEntries(
    (link ?? "")
      .split(", ")
      .filter(Boolean)
      .map((part) => {
        const [, href, rel] = /^<([^>]+)>; rel="(\w+)"$/.exec(part)!;
        return [rel!, new URL(href!).searchParams.get("page")!];
      }),
  );
}

describe("paginate", () => {
  it("links the first page to the next and last pages only", () => {
    const page = paginate(items, url, { per_page: 100 });
    expect(page.items).toHaveLength(100);
    expect(rels(page.headers.link)).toEqual({ next: "2", last: "3" });
  });

  it("links a middle page in all four directions and keeps other query parameters", () => {
    const page = paginate(items, url, { per_page: 100, page: 2 });
    expect(rels(page.headers.link)).toEqual({ next: "3", last: "3", first: "1", prev: "1" });
    expect(page.headers.link).toContain("since=2025-01-01T00%3A00%3A00Z");
    expect(page.headers.link).toContain("http://127.0.0.1:9/repos/acme/models/issues/1/comments?");
  });

  it("gives the last page 50 items and no next link", () => {
    const page = paginate(items, url, { per_page: 100, page: 3 });
    expect(page.items).toEqual(items.slice(200));
    expect(rels(page.headers.link)).toEqual({ first: "1", prev: "2" });
  });

  it("defaults to 30 per page and caps per_page at 100", () => {
    expect(paginate(items, url, {}).items).toHaveLength(30);
    expect(paginate(items, url, { per_page: 500 }).items).toHaveLength(100);
  });

  it("sends no Link header when everything fits on one page", () => {
    expect(paginate([1, 2], url, {}).headers).toEqual({});
  });
});
