import { createRequire } from "node:module";

/**
 * Webhook payloads for the Action's end-to-end tests, derived from the real examples in
 * `@octokit/webhooks-examples` (api.github.com), re-pointed at the repository, numbers and SHAs
 * a test seeds into the fake, so the event and `state` tell the same story.
 */

// Payloads are deep, loosely typed JSON that tests navigate freely; `unknown` would mean a cast per step.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Payload = Record<string, any>;

interface ExampleGroup {
  name: string;
  examples: Payload[];
}

const EXAMPLE_REPO = "Codertocat/Hello-World";
const EXAMPLE_OWNER = "Codertocat";

function example(name: string, pick: (payload: Payload) => boolean): Payload {
  const groups = createRequire(import.meta.url)("@octokit/webhooks-examples") as ExampleGroup[];
  const found = groups.find((g) => g.name === name)?.examples.find(pick);
  if (!found) throw new Error(`no ${name} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

/** Replaces the example's repository and owner everywhere (URLs included), then fixes names. */
function retarget(
  payload: Payload,
  owner: string,
  repo: string,
  fromRepo = EXAMPLE_REPO,
  fromOwner = EXAMPLE_OWNER,
): Payload {
  const text = JSON.stringify(payload)
    .replaceAll(fromRepo, `${owner}/${repo}`)
    .replaceAll(`"login":"${fromOwner}"`, `"login":"${owner}"`);
  return JSON.parse(text) as Payload;
}

function repository(payload: Payload, owner: string, repo: string, defaultBranch: string): Payload {
  return {
    ...payload,
    name: repo,
    full_name: `${owner}/${repo}`,
    default_branch: defaultBranch,
    master_branch: defaultBranch,
  };
}

export interface RepoTarget {
  owner: string;
  repo: string;
  defaultBranch?: string;
}

export interface PullRequestEventOptions extends RepoTarget {
  number: number;
  headSha: string;
  baseSha?: string;
  headRef?: string;
  baseRef?: string;
  action?: "opened" | "synchronize" | "reopened" | "labeled";
  /** The label of a `labeled` event. */
  label?: string;
  /** Owner of the fork the pull request comes from; same-repository when left out. */
  forkOwner?: string;
  /** Login of the pull request's author and of the event's sender. */
  author?: string;
}

/** A `pull_request` event, from the same repository or (with `forkOwner`) from a fork. */
export function pullRequestEvent(options: PullRequestEventOptions): Payload {
  const action = options.action ?? "synchronize";
  const { owner, repo } = options;
  const defaultBranch = options.defaultBranch ?? "main";
  const payload = retarget(
    example("pull_request", (p) => p.action === action),
    owner,
    repo,
  );
  const baseRepo = repository(payload.repository, owner, repo, defaultBranch);
  const headOwner = options.forkOwner ?? owner;
  const headRepo = options.forkOwner
    ? {
        ...baseRepo,
        id: baseRepo.id + 1,
        node_id: `${baseRepo.node_id}F`,
        full_name: `${headOwner}/${repo}`,
        fork: true,
        owner: { ...baseRepo.owner, login: headOwner, id: baseRepo.owner.id + 1 },
      }
    : baseRepo;
  const headRef = options.headRef ?? `feature-${options.number}`;
  const baseRef = options.baseRef ?? defaultBranch;
  const author = options.author ?? headOwner;
  const pr = payload.pull_request;
  Object.assign(pr, {
    number: options.number,
    url: `https://api.github.com/repos/${owner}/${repo}/pulls/${options.number}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${options.number}`,
    issue_url: `https://api.github.com/repos/${owner}/${repo}/issues/${options.number}`,
    user: { ...pr.user, login: author },
    head: {
      ...pr.head,
      label: `${headOwner}:${headRef}`,
      ref: headRef,
      sha: options.headSha,
      repo: headRepo,
      user: headRepo.owner,
    },
    base: {
      ...pr.base,
      label: `${owner}:${baseRef}`,
      ref: baseRef,
      sha: options.baseSha ?? "0".repeat(40),
      repo: baseRepo,
    },
  });
  const event: Payload = {
    ...payload,
    number: options.number,
    repository: baseRepo,
    sender: { ...payload.sender, login: author },
  };
  delete event.installation; // Actions payloads for GITHUB_TOKEN runs carry no installation
  if (action === "synchronize") Object.assign(event, { after: options.headSha });
  if (action === "labeled") event.label = { ...payload.label, name: options.label ?? "maat:trusted" };
  return event;
}

export interface PushEventOptions extends RepoTarget {
  before: string;
  after: string;
  /** Branch pushed to; the default branch when left out. */
  branch?: string;
  pusher?: string;
}

/** A `push` to a branch, with one commit whose id is `after`. */
export function pushEvent(options: PushEventOptions): Payload {
  const { owner, repo } = options;
  const defaultBranch = options.defaultBranch ?? "main";
  const branch = options.branch ?? defaultBranch;
  const payload = retarget(
    example("push", (p) => p.ref.startsWith("refs/heads/") && p.commits.length > 0),
    owner,
    repo,
  );
  const commit = {
    ...payload.head_commit,
    id: options.after,
    url: `https://github.com/${owner}/${repo}/commit/${options.after}`,
  };
  return {
    ...payload,
    ref: `refs/heads/${branch}`,
    before: options.before,
    after: options.after,
    created: /^0+$/.test(options.before),
    base_ref: null,
    compare: `https://github.com/${owner}/${repo}/compare/${options.before.slice(0, 12)}...${options.after.slice(0, 12)}`,
    commits: [commit],
    head_commit: commit,
    repository: repository(payload.repository, owner, repo, defaultBranch),
    pusher: { ...payload.pusher, name: options.pusher ?? owner },
  };
}

/**
 * A `schedule` event. It is not a webhook, so there is no example to derive it from: since
 * 2022 GitHub sends the cron string, the workflow path and the repository (taken here from the
 * `push` example); the commit is only in `GITHUB_SHA`.
 */
export function scheduleEvent(options: RepoTarget & { cron?: string; workflow?: string }): Payload {
  const { owner, repo } = options;
  const push = retarget(
    example("push", (p) => p.ref.startsWith("refs/heads/")),
    owner,
    repo,
  );
  return {
    schedule: options.cron ?? "0 3 * * *",
    workflow: options.workflow ?? ".github/workflows/maat.yml",
    repository: repository(push.repository, owner, repo, options.defaultBranch ?? "main"),
  };
}

/** A `workflow_dispatch` event with the given inputs (all strings, as GitHub sends them). */
export function workflowDispatchEvent(
  options: RepoTarget & { inputs?: Record<string, string>; ref?: string; sender?: string },
): Payload {
  const { owner, repo } = options;
  const defaultBranch = options.defaultBranch ?? "main";
  const payload = retarget(
    example("workflow_dispatch", () => true),
    owner,
    repo,
    "octo-org/octo-repo",
    "octo-org",
  );
  delete payload.installation;
  delete payload.organization;
  return {
    ...payload,
    inputs: options.inputs ?? {},
    ref: options.ref ?? `refs/heads/${defaultBranch}`,
    workflow: ".github/workflows/maat.yml",
    repository: repository(payload.repository, owner, repo, defaultBranch),
    sender: { ...payload.sender, login: options.sender ?? owner },
  };
}
