import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { FaultInjector } from "./faults.js";
import type { RecordedRequest, SelfCheckFailure, Violation } from "./recorder.js";
import type { AuthorAssociation } from "./records.js";
import { FakeGitHubServer, type ServerOptions } from "./server.js";
import { FakeGitHubState } from "./state.js";

export type { FaultKind, RequestMatcher } from "./faults.js";
export type { RecordedRequest, SelfCheckFailure, Violation } from "./recorder.js";
export type * from "./records.js";
export { API_VERSION } from "./server.js";
export { ACTIONS_BOT, FakeGitHubState } from "./state.js";

export interface FakeGitHubOptions extends ServerOptions {
  /** Tokens that act as particular users; any other token acts as `github-actions[bot]`. */
  users?: Array<{
    login: string;
    token: string;
    type?: "User" | "Bot";
    isApp?: boolean;
    association?: AuthorAssociation;
  }>;
  /** Clock for `created_at` and friends; defaults to the real time. */
  clock?: () => Date;
}

export interface FakeGitHub {
  /** Base URL to give octokit (`baseUrl`) or the Action (`GITHUB_API_URL`). */
  url: string;
  state: FakeGitHubState;
  requests: RecordedRequest[];
  /** Requests that broke GitHub's OpenAPI contract; tests of client code expect none. */
  violations: Violation[];
  /** Responses of the fake that broke GitHub's response schemas; always expected empty. */
  selfCheckFailures: SelfCheckFailure[];
  faults: FaultInjector;
  close(): Promise<void>;
}

/**
 * Starts a fake GitHub REST API on 127.0.0.1 with a random port. It checks every request
 * against GitHub's OpenAPI description and serves the operations Maat uses from `state`.
 *
 * @example
 * const github = await startFakeGitHub({ users: [{ login: "reviewer", token: "ghp_reviewer" }] });
 * github.state.addRepo({ owner: "acme", repo: "models" });
 * const octokit = new Octokit({ auth: "ghs_action", baseUrl: github.url });
 * // ... run the code under test ...
 * expect(github.violations).toEqual([]);
 * await github.close();
 */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state = new FakeGitHubState(options.clock);
  for (const user of options.users ?? []) state.addUser(user);
  const server = new FakeGitHubServer(state, options);
  const http = createServer((req, res) => {
    server.handle(req, res).catch((error: unknown) => {
      res
        .writeHead(500, { "content-type": "application/json" })
        .end(JSON.stringify({ message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  server.baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: server.baseUrl,
    state,
    requests: server.requests,
    violations: server.violations,
    selfCheckFailures: server.selfCheckFailures,
    faults: server.faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets and deliberately hung requests would otherwise hold close() open.
        http.closeAllConnections();
      }),
  };
}
