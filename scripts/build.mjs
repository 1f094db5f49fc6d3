// Bundles the action and the CLI into dist/ (committed: the action runs from it).
// Usage: node scripts/build.mjs [--outdir DIR] [--bench]
import { mkdir } from "node:fs/promises";
import { parseArgs } from "node:util";
import * as esbuild from "esbuild";
import { esbuildDashboardAssets } from "./dashboard-assets.mjs";

const { values } = parseArgs({
  options: { outdir: { type: "string", default: "dist" }, bench: { type: "boolean", default: false } },
});

// Some bundled CommonJS packages call require() for Node built-ins; give the ESM bundle one.
const banner = [
  'import { createRequire as __maatCreateRequire } from "node:module";',
  "const require = __maatCreateRequire(import.meta.url);",
].join("\n");

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  legalComments: "none",
  logLevel: "warning",
  banner: { js: banner },
  plugins: [esbuildDashboardAssets(process.cwd())],
};

const entries = values.bench
  ? // playwright-core stays a package (the dashboard bench drives Chromium with it).
    [{ in: "bench/main.ts", out: "bench", dir: "build", external: ["playwright-core"] }]
  : [
      { in: "action/main.ts", out: "action", dir: values.outdir },
      { in: "src/cli/main.ts", out: "cli", dir: values.outdir, shebang: true },
    ];

for (const entry of entries) {
  await mkdir(entry.dir, { recursive: true });
  await esbuild.build({
    ...common,
    entryPoints: [entry.in],
    outfile: `${entry.dir}/${entry.out}.js`,
    banner: { js: entry.shebang ? `#!/usr/bin/env node\n${banner}` : banner },
    ...(entry.external ? { external: entry.external } : {}),
  });
}
