import { execFile } from "node:child_process";
import { MaatError } from "../errors.js";

/** A git command that failed: carries the command and what git said. */
export class GitError extends MaatError {
  readonly args: string[];
  readonly stderr: string;
  constructor(args: string[], stderr: string, code: number | null) {
    super(
      `git ${args.join(" ")} failed (exit ${code ?? "?"}): ${stderr.trim().split("\n").slice(-3).join(" / ")}`,
      {
        hint: "check the repository, the remote and the token's permission to push",
      },
    );
    this.args = args;
    this.stderr = stderr;
  }
}

/** Runs git with a fixed, non-interactive environment; resolves stdout (trimmed). */
export function runGit(
  cwd: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      args,
      {
        cwd,
        env: { ...process.env, ...env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error)
          reject(
            new GitError(args, stderr || error.message, typeof error.code === "number" ? error.code : null),
          );
        else resolve(stdout.trim());
      },
    );
  });
}
