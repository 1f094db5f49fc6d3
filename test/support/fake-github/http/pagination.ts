/** Page and link details for one list response, the way GitHub computes them. */
export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

/**
 * Slices `items` by `per_page` (default 30, capped at 100) and `page` (1-based), and builds the
 * `Link` header with `next`, `last`, `first` and `prev` as GitHub does, so `octokit.paginate`
 * follows it. Links point at the fake's base URL and keep the request's other query parameters.
 */
export function paginate<T>(
  items: T[],
  requestUrl: URL,
  params: { per_page?: unknown; page?: unknown },
): Page<T> {
  const perPage = Math.min(
    MAX_PER_PAGE,
    Math.max(1, Number(params.per_page ?? DEFAULT_PER_PAGE) || DEFAULT_PER_PAGE),
  );
  const page = Math.max(1, Number(params.page ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const pageUrl = (n: number) => {
    const url = new URL(requestUrl);
    url.searchParams.set("per_page", String(perPage));
    url.searchParams.set("page", String(n));
    return url.toString();
  };
  const links: string[] = [];
  if (page < last) links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(last)}>; rel="last"`);
  if (page > 1)
    links.push(`<${pageUrl(1)}>; rel="first"`, `<${pageUrl(Math.min(page - 1, last))}>; rel="prev"`);
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(", ") } : {},
  };
}
