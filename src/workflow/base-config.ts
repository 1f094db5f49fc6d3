import { ConfigError, parseRepositoryConfig, type RepositoryConfig } from "../config/index.js";
import { normalizeConfig } from "../config/normalize-config.js";
import { MaatError } from "../errors.js";
import type { GitHubClient } from "../github/client.js";
import type { RepositoryRef } from "../github/repository.js";

/** The facts of a pull request event the fork rules need. */
export function forkPullRequest(
  eventName: string,
  payload: Record<string, unknown>,
): { baseSha: string; number: number } | undefined {
  if (eventName !== "pull_request" && eventName !== "pull_request_target") return undefined;
  const pr = payload.pull_request as
    | {
        number?: number;
        head?: { repo?: { full_name?: string } | null };
        base?: { sha?: string; repo?: { full_name?: string } };
      }
    | undefined;
  if (pr === undefined) return undefined;
  const fork = pr.head?.repo?.full_name !== pr.base?.repo?.full_name;
  return fork ? { baseSha: pr.base?.sha ?? "", number: Number(pr.number) } : undefined;
}

/**
 * `maat.toml` as the base branch has it, read through the API: a fork's plan must not pick
 * runners (or anything else) from a config the fork wrote. No file on the base: the defaults.
 */
export async function readBaseConfig(
  octokit: GitHubClient | undefined,
  repo: RepositoryRef | undefined,
  baseSha: string,
  configPath: string,
): Promise<RepositoryConfig> {
  if (octokit === undefined || repo === undefined || baseSha === "") {
    throw new MaatError(
      "planning a pull request from a fork needs github-token to read maat.toml from the base branch",
      {
        hint: "keep the github-token input (the default) on the plan step",
      },
    );
  }
  let text: string;
  try {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path: configPath, ref: baseSha });
    if (Array.isArray(data) || data.type !== "file" || !("content" in data)) {
      throw new MaatError(`${configPath} on the base branch is not a file`);
    }
    text = Buffer.from(data.content, "base64").toString("utf8");
  } catch (error) {
    if ((error as { status?: number }).status === 404) return normalizeConfig({}, undefined);
    throw error;
  }
  const { config, problems } = parseRepositoryConfig(text, `${configPath} (base ${baseSha.slice(0, 7)})`);
  if (config === undefined) throw new ConfigError(configPath, problems);
  return config;
}
