import { createRequire } from "node:module";

const requireBuiltin = createRequire(import.meta.url);

/**
 * A Node.js built-in module, loaded when first asked for. An ESM `import` of a built-in builds a
 * facade that reads every export, and some exports load more modules when read (node:util's
 * `diff`, node:v8's heap utilities): milliseconds of every start of a short command, for code
 * it may never call. (Node.js 22.0-22.2 lack process.getBuiltinModule; require is the same.)
 */
export const builtinModule: typeof process.getBuiltinModule =
  process.getBuiltinModule ?? ((id: string) => requireBuiltin(id));
