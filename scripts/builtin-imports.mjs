// esbuild plugin: an `import { x } from "node:fs"` in the bundle reads `x` from the object
// process.getBuiltinModule returns, instead of going through Node's ES module facade of the
// built-in. The facade reads every export when it is linked, and some exports are getters that
// load more modules: node:fs's `promises` alone loads fs/promises, readline and the streams,
// milliseconds of every start of a command that only reads a file. Packages keep their imports.
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";

const NAMESPACE = "maat-builtin";

export function builtinImportsPlugin() {
  const builtins = new Set(builtinModules);
  return {
    name: "builtin-imports",
    setup(build) {
      build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
        const bare = args.path.replace(/^node:/, "");
        if (args.kind !== "import-statement" || !builtins.has(bare)) return undefined;
        // Maat's own imports only: packages may import a getter by name (@actions/core imports
        // fs's `promises`), which only the facade makes lazy... by reading it at once.
        if (args.importer.includes("/node_modules/")) return undefined;
        // One shim per importing file, exporting what that file imports: the shim never depends
        // on the exports of the Node.js that runs the build, so every Node builds the same dist/.
        const importer = path.relative(process.cwd(), args.importer).replaceAll("\\", "/");
        return { path: `node:${bare}|${importer}`, namespace: NAMESPACE, pluginData: args };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, ({ pluginData }) => ({
        contents: shimSource(`node:${pluginData.path.replace(/^node:/, "")}`, importedNames(pluginData)),
        loader: "js",
      }));
    },
  };
}

/** The names `importer` imports from the built-in as it spells it (`import { a, b as c }`). */
function importedNames({ importer, path: specifier }) {
  const source = readFileSync(importer, "utf8");
  const quoted = specifier.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const declarations = new RegExp(
    `import\\s+(?!type\\s)(?:[\\w$]+\\s*,?\\s*)?(?:\\{([^}]*)\\})?\\s*from\\s*["']${quoted}["']`,
    "g",
  );
  const names = new Set();
  for (const [, list] of source.matchAll(declarations)) {
    for (const specifierText of (list ?? "").split(",")) {
      const name = specifierText.trim().split(/\s+as\s+/)[0];
      if (name !== "" && !name.startsWith("type ")) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * The shim of one built-in for one importer: the built-in's object as the default export and
 * each name the importer imports read from it. Node.js 22.0-22.2 lack getBuiltinModule; every
 * chunk defines `require` (the build's banner).
 */
function shimSource(id, names) {
  return [
    `const builtin = (process.getBuiltinModule ?? require)(${JSON.stringify(id)});`,
    "export default builtin;",
    ...(names.length > 0 ? [`export const { ${names.join(", ")} } = builtin;`] : []),
    "",
  ].join("\n");
}
