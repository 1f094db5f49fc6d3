import type { GitHubClient } from "./client.js";

/** The login GitHub uses for comments made with the workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT_LOGIN = "github-actions[bot]";

/**
 * Who the token acts as. A personal or app user token can ask `GET /user`; the workflow's
 * installation token cannot (403/401), and its comments are authored by github-actions[bot].
 */
export async function readOwnLogin(octokit: GitHubClient): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 401 || status === 403 || status === 404) return ACTIONS_BOT_LOGIN;
    throw error;
  }
}
