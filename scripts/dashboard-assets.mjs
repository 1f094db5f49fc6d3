// The dashboard's browser files (its script with uPlot bundled in, and styles), built with
// esbuild and embedded in the CLI bundle, so `maat dashboard` writes a site that works offline.
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as esbuild from "esbuild";

export const DASHBOARD_ASSETS_MODULE = "maat:dashboard-assets";

/** { "dashboard.js", "dashboard.css", "uPlot.min.css" } as text. */
export async function buildDashboardAssets(root) {
  const result = await esbuild.build({
    entryPoints: [path.join(root, "src/dashboard/client/main.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "eof",
    logLevel: "warning",
  });
  return {
    "dashboard.js": result.outputFiles[0].text,
    "dashboard.css": await readFile(path.join(root, "src/dashboard/client/dashboard.css"), "utf8"),
    "uPlot.min.css": await readFile(path.join(root, "node_modules/uplot/dist/uPlot.min.css"), "utf8"),
  };
}

const moduleText = async (root) => `export default ${JSON.stringify(await buildDashboardAssets(root))};\n`;

/** For scripts/build.mjs: resolves the virtual module to the built files. */
export function esbuildDashboardAssets(root) {
  return {
    name: "maat-dashboard-assets",
    setup(build) {
      build.onResolve({ filter: /^maat:dashboard-assets$/ }, () => ({
        path: "assets",
        namespace: "maat-dashboard",
      }));
      build.onLoad({ filter: /.*/, namespace: "maat-dashboard" }, async () => ({
        contents: await moduleText(root),
        loader: "js",
        watchFiles: [path.join(root, "src/dashboard/client/dashboard.css")],
      }));
    },
  };
}

/** For vitest (a Vite plugin): the same module when tests import the dashboard from source. */
export function viteDashboardAssets(root) {
  const resolved = `\0${DASHBOARD_ASSETS_MODULE}`;
  return {
    name: "maat-dashboard-assets",
    resolveId: (id) => (id === DASHBOARD_ASSETS_MODULE ? resolved : undefined),
    load: (id) => (id === resolved ? moduleText(root) : undefined),
  };
}
