import { execFile } from "node:child_process";
import { sha256Hex } from "../../../sha256.js";
import { RunnerError } from "../../runner.js";

/** The code of one commit as a gzipped tar (`git archive`), with its sha256. */
export interface CodeBundle {
  commit: string;
  sha256: string;
  data: Buffer;
}

/**
 * `git archive --format=tar.gz HEAD [-- paths]` in `root`: the committed tree of the checked-out
 * commit only, so the pod runs exactly that commit (uncommitted changes are not in it).
 */
export async function makeCodeBundle(root: string, paths: string[] = []): Promise<CodeBundle> {
  // What is checked out, whatever the CI's variables call the commit under test.
  const commit = (await git(root, ["rev-parse", "--verify", "HEAD^{commit}"])).toString().trim();
  const data = await git(root, [
    "archive",
    "--format=tar.gz",
    commit,
    ...(paths.length === 0 ? [] : ["--", ...paths]),
  ]);
  return { commit, sha256: sha256Hex(data), data };
}

function git(root: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      args,
      { cwd: root, encoding: "buffer", maxBuffer: 1024 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve(stdout);
          return;
        }
        const said = stderr.toString().trim().split("\n").slice(-2).join(" / ");
        reject(
          new RunnerError(`git ${args.join(" ")} failed: ${said}`, {
            phase: "prepare",
            hint: "the code bundle is the checked-out commit: commit something first, and let run.code_paths name paths that exist in it",
            cause: error,
          }),
        );
      },
    );
  });
}
