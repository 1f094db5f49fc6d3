// esbuild plugin: an `import { x } from "node:fs"` in the bundle reads `x` from the object
// process.getBuiltinModule returns, instead of going through Node's ES module facade of the
// built-in. The facade reads every export when it is linked, and some exports are getters that
// load more modules: node:fs's `promises` alone loads fs/promises, readline and the streams,
// milliseconds of every start of a command that only reads a file. Packages keep their imports.
import { builtinModules, createRequire } from "node:module";

const require = createRequire(import.meta.url);
const NAMESPACE = "maat-builtin";
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function builtinImportsPlugin() {
  const builtins = new Set(builtinModules);
  return {
    name: "builtin-imports",
    setup(build) {
      build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
        const bare = args.path.replace(/^node:/, "");
        // Maat's own imports only: packages may import a getter by name (@actions/core imports
        // fs's `promises`), which only the facade makes lazy... by reading it at once.
        if (args.kind !== "import-statement" || !builtins.has(bare)) return undefined;
        if (args.importer.includes("/node_modules/")) return undefined;
        return { path: `node:${bare}`, namespace: NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: shimSource(args.path),
        loader: "js",
      }));
    },
  };
}

/**
 * The shim of one built-in: its object as the default export and each data property as a named
 * one. Getters are left out, so they run only where code reads them from the default export; a
 * named import of one fails the build ("No matching export"), never silently at run time.
 */
function shimSource(id) {
  const exported = require(id);
  const names = Object.keys(exported).filter(
    (name) =>
      name !== "default" &&
      IDENTIFIER.test(name) &&
      Object.getOwnPropertyDescriptor(exported, name)?.get === undefined,
  );
  // Node.js 22.0-22.2 lack getBuiltinModule; every chunk defines `require` (the build's banner).
  return [
    `const builtin = (process.getBuiltinModule ?? require)(${JSON.stringify(id)});`,
    "export default builtin;",
    `export const { ${names.join(", ")} } = builtin;`,
    "",
  ].join("\n");
}
