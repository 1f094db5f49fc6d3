import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as esbuild from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a build script, plain JavaScript without declarations.
import { builtinImportsPlugin } from "../../scripts/builtin-imports.mjs";

const dir = mkdtempSync(path.join(tmpdir(), "maat-builtin-imports-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundle(source: string): Promise<string> {
  const entry = path.join(dir, "entry.ts");
  writeFileSync(entry, source);
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    plugins: [builtinImportsPlugin()],
  });
  return result.outputFiles[0]!.text;
}

describe("the build's imports of Node built-ins", () => {
  it("read only what the file imports, so dist/ is the same whichever Node builds it", async () => {
    const code = await bundle(
      [
        'import path from "node:path";',
        'import { type Stats, statSync, readdirSync as list } from "node:fs";',
        'import type { Dirent } from "node:fs";',
        "export const f = (p: string): [Stats, string[], string] => [statSync(p), list(p), path.sep];",
        "export type D = Dirent;",
      ].join("\n"),
    );
    expect(code).toMatch(/getBuiltinModule \?\? _*require\)\("node:fs"\)/);
    expect(code).toMatch(/\{\s*readdirSync,\s*statSync\s*\}\s*=\s*builtin/);
    // Nothing else of node:fs is read: not its getters, not exports only some Node versions have.
    expect(code).not.toMatch(/promises|readFileSync|glob/);
    expect(code).not.toMatch(/from\s*"node:(fs|path)"/);
  });
});
