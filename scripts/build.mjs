// Bundles the action and the CLI into dist/ (committed: the action runs from it).
// Usage: node scripts/build.mjs [--outdir DIR] [--metafile FILE] [--bench]
// --metafile writes esbuild's account of what each chunk holds (for finding what a command loads).
// Code splitting: dist/cli.js (usage and the command table) and dist/action.js are small
// entries. Each command is an entry in dist/commands/, sharing chunks in dist/chunks/ with the
// action's steps, except those bundled alone (OWN_BUNDLE). Code loads only when it runs.
import { mkdir, rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import * as esbuild from "esbuild";
import { builtinImportsPlugin } from "./builtin-imports.mjs";
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
  plugins: [esbuildDashboardAssets(process.cwd()), builtinImportsPlugin()],
};

/**
 * Commands bundled alone, with chunks only for what they load lazily: those run by hand or by
 * editors and pre-commit hooks many times a day, which finish in milliseconds. In the shared
 * build `maat validate` loaded its code from fifteen files (chunks shared by eleven commands and
 * the action's steps), and each file costs a start a resolution, a read and a compile.
 */
const OWN_BUNDLE = ["validate"];

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
  const validators = await standaloneValidatorsPlugin();
  const metafile = values.metafile !== undefined;
  const metafiles = [];
  // The CLI's entry first, one file: usage, version and the command table, whose commands it
  // finds. Sharing no chunk with the commands, `maat --help` reads one file.
  const commands = new Set();
  const entry = await esbuild.build({
    ...common,
    entryPoints: { cli: "src/cli/main.ts" },
    outdir,
    plugins: [...common.plugins, commandBundlesPlugin(commands)],
    metafile,
  });
  metafiles.push(entry.metafile);
  // The action and most commands share chunks in dist/chunks/, each loaded when first needed,
  // which keeps dist/ small: they share the S3, Kubernetes and GitHub clients.
  const shared = [...commands].filter((name) => !OWN_BUNDLE.includes(name));
  const sharing = await esbuild.build({
    ...common,
    entryPoints: {
      action: "action/main.ts",
      ...Object.fromEntries(shared.map((name) => [`commands/${name}`, `src/cli/commands/${name}.ts`])),
    },
    outdir,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    plugins: [...common.plugins, validators],
    metafile,
  });
  metafiles.push(sharing.metafile);
  for (const name of OWN_BUNDLE) {
    const own = await esbuild.build({
      ...common,
      entryPoints: { [name]: `src/cli/commands/${name}.ts` },
      outdir: `${outdir}/commands`,
      splitting: true,
      chunkNames: `${name}/[name]-[hash]`,
      plugins: [...common.plugins, validators],
      metafile,
    });
    metafiles.push(own.metafile);
  }
  const { readFile, writeFile, chmod } = await import("node:fs/promises");
  if (metafile) await writeFile(values.metafile, JSON.stringify(metafiles));
  // The CLI entry is executable: a shebang line, and the mode npm's bin link expects.
  const cli = `${outdir}/cli.js`;
  const entryCode = await readFile(cli, "utf8");
  // The command table must sit in cli.js itself: its imports are relative to dist/.
  const missing = [...commands].filter((name) => !entryCode.includes(`import("./commands/${name}.js")`));
  if (commands.size === 0 || missing.length > 0) {
    throw new Error(`dist/cli.js does not load the command bundles it should (${missing.join(", ")})`);
  }
  await writeFile(cli, `#!/usr/bin/env node\n${entryCode}`);
  await chmod(cli, 0o755);
}

/**
 * esbuild plugin: the command table's `import("./<name>.js")` loads dist/commands/<name>.js,
 * built separately, and records each name so that bundle gets built.
 */
function commandBundlesPlugin(commands) {
  return {
    name: "command-bundles",
    setup(build) {
      build.onResolve({ filter: /^\.\/[a-z-]+\.js$/ }, (args) => {
        if (!args.importer.endsWith("src/cli/commands/index.ts") || args.kind !== "dynamic-import") return;
        const name = args.path.slice(2, -3);
        commands.add(name);
        return { path: `./commands/${name}.js`, external: true };
      });
    },
  };
}
