import assets from "maat:dashboard-assets";

/** The site's assets/ files: the bundled script (with uPlot) and the styles; no CDN, works offline. */
export const DASHBOARD_ASSETS: Readonly<Record<string, string>> = assets;
