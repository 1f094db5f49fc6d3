// The JSON Schema validators, compiled once at build time into ajv standalone code, so neither the
// CLI nor the action compiles a schema when it starts. Each runtime module (compiled at first use
// in development and tests) is swapped in the bundle for code generated from its own compile
// function: one source of truth for the schema and ajv's options.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const VALIDATORS = [
  {
    module: "src/descriptor/descriptor-validator.ts",
    compile: "compileDescriptorValidator",
    get: "descriptorValidator",
  },
  { module: "src/config/config-validator.ts", compile: "compileConfigValidator", get: "configValidator" },
  { module: "src/results/receipt-validator.ts", compile: "compileReceiptValidator", get: "receiptValidator" },
];

/** esbuild plugin: each validator module becomes its precompiled standalone code. */
export async function standaloneValidatorsPlugin() {
  const sources = new Map();
  const dir = await mkdtemp(join(tmpdir(), "maat-validators-"));
  try {
    for (const v of VALIDATORS) {
      const out = join(dir, `${v.get}.mjs`);
      // One bundle holds the validator module and ajv's standalone generator, so both use the same
      // copy of ajv (its code objects are checked with instanceof).
      await esbuild.build({
        stdin: {
          contents: `export * from "./${v.module}";\nexport { default as standaloneCode } from "ajv/dist/standalone/index.js";`,
          resolveDir: resolve("."),
          loader: "ts",
        },
        bundle: true,
        platform: "node",
        format: "esm",
        outfile: out,
        logLevel: "warning",
      });
      const module = await import(pathToFileURL(out).href);
      const compiled = module[v.compile]({ source: true });
      const code = module.standaloneCode(compiled.ajv, compiled.validate);
      sources.set(
        resolve(v.module),
        `${code}\nexport function ${v.get}() { return validate; }\nexport function ${v.compile}() { throw new Error("${v.compile}: compiled at build time"); }\n`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return {
    name: "standalone-validators",
    setup(build) {
      build.onLoad({ filter: /-validator\.ts$/ }, (args) => {
        const contents = sources.get(args.path);
        return contents === undefined ? undefined : { contents, loader: "js", resolveDir: resolve(".") };
      });
    },
  };
}
