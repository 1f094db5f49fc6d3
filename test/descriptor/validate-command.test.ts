import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { validateCommand } from "../../src/cli/commands/validate.js";
import { UsageError } from "../../src/errors.js";
import { MINIMAL } from "./helpers.js";

let root: string;

async function put(relative: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
  await writeFile(path.join(root, relative), text);
}

async function validate(argv: string[], cwd = root) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => {
    out += chunk;
  });
  stderr.on("data", (chunk) => {
    err += chunk;
  });
  const code = await validateCommand.run({
    argv,
    cwd,
    env: {},
    stdout,
    stderr,
    colors: false,
    signal: new AbortController().signal,
  });
  return { code, out, err };
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "maat-validate-"));
  await mkdir(path.join(root, ".git"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("maat validate", () => {
  test("exits 0 and counts the valid descriptors under benchmarks/", async () => {
    await put("benchmarks/resnet/descriptor.toml", MINIMAL);
    await put("benchmarks/nlp/bert.toml", MINIMAL);
    const { code, out, err } = await validate([]);
    expect(code).toBe(0);
    expect(out).toBe("2 descriptors valid, 0 invalid\n");
    expect(err).toBe("");
  });

  test("exits 2 and prints each problem relative to the working folder", async () => {
    await put("benchmarks/resnet/descriptor.toml", MINIMAL);
    await put("benchmarks/bad.toml", MINIMAL.replace('"single_node"', '"horovd"'));
    const { code, out, err } = await validate([], path.join(root, "benchmarks"));
    expect(code).toBe(2);
    expect(err).toBe(
      'bad.toml:6:12: hardware.strategy: must be one of single_node, horovod, inference, mxnet_parameter_server, pytorch_ddp (got "horovd"; did you mean "horovod"?)\n',
    );
    expect(out).toBe("1 descriptor valid, 1 invalid\n");
  });

  test("prints warnings without failing", async () => {
    await put("benchmarks/a.toml", `${MINIMAL}[[output.metrics]]\nname = "epoch"\nunits = "index"\n`);
    const { code, out, err } = await validate(["benchmarks/a.toml"]);
    expect(code).toBe(0);
    expect(err).toContain(
      "benchmarks/a.toml:10:8: warning: output.metrics[0].name: cannot tell whether higher or lower",
    );
    expect(out).toBe("1 descriptor valid, 0 invalid (1 warning)\n");
  });

  test("--json prints every file with its id, problems and warnings", async () => {
    await put("benchmarks/resnet/descriptor.toml", MINIMAL);
    await put("benchmarks/bad.toml", MINIMAL.replace("[env]", "[env]\nprivileged = 1"));
    const { code, out } = await validate(["--json"]);
    expect(code).toBe(2);
    const report = JSON.parse(out);
    expect(report.files).toEqual([
      {
        file: "benchmarks/bad.toml",
        valid: false,
        id: "bad",
        problems: [
          {
            file: "benchmarks/bad.toml",
            line: 8,
            column: 14,
            field: "env.privileged",
            message: "must be true or false (got 1)",
          },
        ],
        warnings: [],
      },
      { file: "benchmarks/resnet/descriptor.toml", valid: true, id: "resnet", problems: [], warnings: [] },
    ]);
  });

  test("fails two descriptors that would share an id", async () => {
    await put("benchmarks/nlp/bert.toml", MINIMAL);
    await put("benchmarks/nlp-bert.toml", MINIMAL);
    const { code, err } = await validate([]);
    expect(code).toBe(2);
    expect(err).toBe(
      'benchmarks/nlp/bert.toml:1:1: has the id "nlp-bert", like benchmarks/nlp-bert.toml; ids come from file paths, so rename or move one of them\n',
    );
  });

  test("rejects unknown flags and an empty benchmarks folder as usage errors", async () => {
    await expect(validate(["--jsn"])).rejects.toBeInstanceOf(UsageError);
    await mkdir(path.join(root, "benchmarks"));
    await expect(validate([])).rejects.toThrow("no descriptor files found in benchmarks/");
  });
});
