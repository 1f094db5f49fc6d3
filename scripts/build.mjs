// Bundles the action and the CLI into dist/ (committed: the action runs from it).
// Usage: node scripts/build.mjs [--outdir DIR] [--metafile FILE] [--bench]
// --metafile writes esbuild's account of what each chunk holds (for finding what a command loads).
// Code splitting: dist/cli.js and dist/action.js are small entries; each command and each
// action step is a chunk in dist/chunks/ loaded only when it runs, so every start is fast.
import { mkdir, rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import * as esbuild from "esbuild";
import { esbuildDashboardAssets } from "./dashboard-assets.mjs";
import { standaloneValidatorsPlugin } from "./standalone-validators.mjs";

const { values } = parseArgs({
  options: {
    outdir: { type: "string", default: "dist" },
    metafile: { type: "string" },
    bench: { type: "boolean", default: false },
  },
});

// Some bundled CommonJS packages call require() for Node built-ins; give each ESM chunk one.
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
  // ASCII output decodes fast; whitespace and syntax minified (names kept, so stack traces stay
  // readable) roughly halves what Node must read and compile at start.
  charset: "ascii",
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  banner: { js: banner },
  plugins: [esbuildDashboardAssets(process.cwd())],
};

if (values.bench) {
  await mkdir("build", { recursive: true });
  // playwright-core stays a package (the dashboard bench drives Chromium with it).
  await esbuild.build({
    ...common,
    entryPoints: ["bench/main.ts"],
    outfile: "build/bench.js",
    external: ["playwright-core"],
  });
  // The extraction suite's child: the extractor alone, so its peak memory is the extractor's.
  await esbuild.build({
    ...common,
    entryPoints: ["bench/extract-child.ts"],
    outfile: "build/extract-child.js",
  });
} else {
  const outdir = values.outdir;
  // Chunks are content-hashed: remove the previous build's so none lingers.
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const built = await esbuild.build({
    ...common,
    entryPoints: { action: "action/main.ts", cli: "src/cli/main.ts" },
    outdir,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    plugins: [...common.plugins, await standaloneValidatorsPlugin()],
    metafile: values.metafile !== undefined,
  });
  const { readFile, writeFile, chmod } = await import("node:fs/promises");
  if (values.metafile !== undefined) await writeFile(values.metafile, JSON.stringify(built.metafile));
  // The CLI entry is executable: a shebang line, and the mode npm's bin link expects.
  const cli = `${outdir}/cli.js`;
  await writeFile(cli, `#!/usr/bin/env node\n${await readFile(cli, "utf8")}`);
  await chmod(cli, 0o755);
}
