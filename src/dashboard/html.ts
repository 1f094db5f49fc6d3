/** Text and attribute values for HTML: the characters that could open markup are escaped. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** The page frame every page shares: language, viewport, styles, a skip link, the app script. */
export function pageFrame(options: {
  title: string;
  root: string;
  page: string;
  body: string;
  scripts?: string[];
}): string {
  const scripts = [...(options.scripts ?? []), `${options.root}assets/dashboard.js`]
    .map((src) => `<script defer src="${escapeHtml(src)}"></script>`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${options.root}assets/uPlot.min.css">
<link rel="stylesheet" href="${options.root}assets/dashboard.css">
${scripts}
</head>
<body data-page="${options.page}">
<a class="skip" href="#main">Skip to content</a>
${options.body}
</body>
</html>
`;
}
