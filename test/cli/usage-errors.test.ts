import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { cli, makeProject } from "./harness.js";

const project = makeProject();
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("mistyped commands and options", () => {
  it("suggests the command meant", async () => {
    const { code, err } = await cli(project, ["valdate"]);
    expect(code).toBe(2);
    expect(err).toBe(
      `maat: unknown command "valdate"\n  hint: Did you mean 'maat validate'? Run 'maat --help' for the list.\n`,
    );
  });

  it("lists the commands when nothing is close, and never Node's argument-parser text", async () => {
    const { code, err } = await cli(project, ["--nope"]);
    expect(code).toBe(2);
    expect(err).toMatch(
      /^maat: unknown option --nope\n {2}hint: Commands: validate, run, .*, render\. Run 'maat --help'/,
    );
    for (const argv of [
      ["validate", "--nope"],
      ["compare", "--sigma", "-1", "x.json"],
      ["plan", "--files"],
    ]) {
      const { err: text } = await cli(project, argv);
      expect(text).not.toMatch(/ambiguous|positional argument|ERR_PARSE_ARGS/);
    }
  });

  it("suggests the option meant", async () => {
    const { code, err } = await cli(project, ["validate", "--jsn"]);
    expect(code).toBe(2);
    expect(err).toBe(
      "maat: validate: unknown option --jsn\n  hint: Did you mean --json? Run 'maat validate --help' for the options.\n",
    );
  });

  it("takes a negative number as a value, so the command says what is wrong with it", async () => {
    const { code, err } = await cli(project, ["compare", "--sigma", "-1", "x.json"]);
    expect(code).toBe(2);
    expect(err).toBe('maat: --sigma must be a positive number, got "-1"\n');
  });

  it("says when an option lacks its value, or is followed by another option", async () => {
    expect((await cli(project, ["compare", "--sigma"])).err).toContain(
      "maat: compare: --sigma needs a value",
    );
    expect((await cli(project, ["plan", "--files", "--dispatch", "all"])).err).toContain(
      "maat: plan: --files needs a value, but --dispatch follows it",
    );
    expect((await cli(project, ["validate", "--json=yes"])).err).toContain("--json takes no value");
  });

  it("suggests the subcommand meant", async () => {
    expect((await cli(project, ["results", "lst"])).err).toContain("Did you mean 'results list'?");
    const reset = await cli(project, ["baseline", "reset"]);
    expect(reset.code).toBe(2);
    expect(reset.err).toContain('there is no "reset"; "accept" records a new level of a metric');
  });

  it("the top-level help lists only commands and subcommands that exist", async () => {
    const { out } = await cli(project, ["--help"]);
    expect(out).not.toContain("reset");
    expect(out).toMatch(
      /\n {2}baseline +Update or show the baselines results are compared with, or accept a new level\n/,
    );
  });
});
