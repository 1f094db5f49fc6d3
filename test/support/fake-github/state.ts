import type {
  ArtifactRecord,
  AuthorAssociation,
  ChangedFile,
  CommentRecord,
  ComparisonRecord,
  IssueEventRecord,
  IssueRecord,
  LabelRecord,
  PullRequestRecord,
  RepoState,
  UserRecord,
  WorkflowRunRecord,
} from "./records.js";

/** The Actions `GITHUB_TOKEN` identity: an app installation, so `GET /user` is forbidden to it. */
export const ACTIONS_BOT: UserRecord = {
  login: "github-actions[bot]",
  id: 41898282,
  type: "Bot",
  isApp: true,
};

/** Which repository a helper acts on: `owner/name`; the first repository added when left out. */
export interface RepoOption {
  repo?: string;
}

export interface AddPullRequestOptions extends RepoOption {
  number?: number;
  headSha: string;
  headRef?: string;
  baseRef?: string;
  baseSha?: string;
  /** `owner/repo` of the head; pass another owner's name for a pull request from a fork. */
  headRepoFullName?: string;
  title?: string;
  body?: string;
  user?: string;
  labels?: string[];
  files?: ChangedFile[];
  draft?: boolean;
}

/**
 * What the fake GitHub knows: users and their tokens, repositories and everything in them.
 * Tests seed it before running the code under test and inspect it afterwards.
 */
export class FakeGitHubState {
  readonly #repos = new Map<string, RepoState>();
  readonly #users = new Map<string, UserRecord>([[ACTIONS_BOT.login, ACTIONS_BOT]]);
  readonly #tokens = new Map<string, string>();
  readonly #clock: () => Date;
  #nextId = 1000;
  /** Unknown tokens act as this user, like any token an Actions job is given. */
  defaultUser: UserRecord = ACTIONS_BOT;

  constructor(clock: () => Date = () => new Date()) {
    this.#clock = clock;
  }

  now(): string {
    return this.#clock()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
  }

  nextId(): number {
    return this.#nextId++;
  }

  addUser(options: {
    login: string;
    token?: string;
    type?: "User" | "Bot";
    isApp?: boolean;
    association?: AuthorAssociation;
  }): UserRecord {
    const user: UserRecord = {
      login: options.login,
      id: this.nextId(),
      type: options.type ?? "User",
      isApp: options.isApp ?? false,
      ...(options.association && { association: options.association }),
    };
    this.#users.set(user.login, user);
    if (options.token) this.#tokens.set(options.token, user.login);
    return user;
  }

  user(login: string): UserRecord {
    return this.#users.get(login) ?? this.addUser({ login });
  }

  userForToken(token: string): UserRecord {
    const login = this.#tokens.get(token);
    return login ? this.user(login) : this.defaultUser;
  }

  addRepo(options: { owner: string; repo: string; defaultBranch?: string; private?: boolean }): RepoState {
    const state: RepoState = {
      repo: {
        owner: options.owner,
        repo: options.repo,
        id: this.nextId(),
        defaultBranch: options.defaultBranch ?? "main",
        private: options.private ?? false,
      },
      labels: [],
      issues: [],
      comments: [],
      events: [],
      pulls: [],
      comparisons: [],
      runs: [],
      artifacts: [],
      files: [],
    };
    this.#repos.set(repoKey(options.owner, options.repo), state);
    return state;
  }

  /** The repository's state, or `undefined` (the server answers 404 then). */
  findRepo(owner: string, repo: string): RepoState | undefined {
    return this.#repos.get(repoKey(owner, repo));
  }

  repo(option?: string): RepoState {
    const state = option ? this.#repos.get(option.toLowerCase()) : this.#repos.values().next().value;
    if (!state) throw new Error(option ? `no repository ${option} in the fake` : "add a repository first");
    return state;
  }

  addLabel(name: string, options: RepoOption & { color?: string; description?: string } = {}): LabelRecord {
    const repo = this.repo(options.repo);
    const existing = repo.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
    if (existing) return existing;
    const label = {
      id: this.nextId(),
      name,
      color: options.color ?? "ededed",
      description: options.description ?? null,
      default: false,
    };
    repo.labels.push(label);
    return label;
  }

  addIssue(
    options: RepoOption & {
      title: string;
      body?: string;
      labels?: string[];
      user?: string;
      state?: "open" | "closed";
      isPullRequest?: boolean;
      number?: number;
    },
  ): IssueRecord {
    const repo = this.repo(options.repo);
    const now = this.now();
    const issue: IssueRecord = {
      id: this.nextId(),
      number: options.number ?? Math.max(0, ...repo.issues.map((i) => i.number)) + 1,
      title: options.title,
      body: options.body ?? null,
      state: options.state ?? "open",
      stateReason: options.state === "closed" ? "completed" : null,
      labels: (options.labels ?? []).map((name) => this.addLabel(name, options).name),
      assignees: [],
      user: this.user(options.user ?? "octocat").login,
      locked: false,
      createdAt: now,
      updatedAt: now,
      closedAt: options.state === "closed" ? now : null,
      isPullRequest: options.isPullRequest ?? false,
    };
    repo.issues.push(issue);
    return issue;
  }

  addPullRequest(options: AddPullRequestOptions): PullRequestRecord {
    const repo = this.repo(options.repo);
    const issue = this.addIssue({
      repo: options.repo,
      title: options.title ?? `Pull request ${options.number ?? ""}`.trim(),
      body: options.body ?? "",
      user: options.user ?? "contributor",
      isPullRequest: true,
      ...(options.number !== undefined && { number: options.number }),
    });
    const pull: PullRequestRecord = {
      number: issue.number,
      id: this.nextId(),
      headSha: options.headSha,
      headRef: options.headRef ?? `feature-${issue.number}`,
      headRepoFullName: options.headRepoFullName ?? `${repo.repo.owner}/${repo.repo.repo}`,
      baseRef: options.baseRef ?? repo.repo.defaultBranch,
      baseSha: options.baseSha ?? "0".repeat(40),
      draft: options.draft ?? false,
      merged: false,
      files: options.files ?? [],
    };
    repo.pulls.push(pull);
    for (const label of options.labels ?? []) this.applyLabel(issue.number, label, { repo: options.repo });
    return pull;
  }

  /** Labels an issue or pull request and records the `labeled` event GitHub would. */
  applyLabel(
    issueNumber: number,
    name: string,
    options: RepoOption & { actor?: string; at?: string; headSha?: string } = {},
  ): IssueEventRecord {
    const repo = this.repo(options.repo);
    const issue = this.issue(issueNumber, options);
    const label = this.addLabel(name, options);
    if (!issue.labels.includes(label.name)) issue.labels.push(label.name);
    const pull = repo.pulls.find((p) => p.number === issueNumber);
    const event: IssueEventRecord = {
      id: this.nextId(),
      issueNumber,
      event: "labeled",
      actor: this.user(options.actor ?? "maintainer").login,
      createdAt: options.at ?? this.now(),
      commitId: options.headSha ?? pull?.headSha ?? null,
      label: { name: label.name, color: label.color },
    };
    repo.events.push(event);
    return event;
  }

  /** Moves a pull request's head, as a push to its branch would. */
  pushToPullRequest(
    number: number,
    headSha: string,
    options: RepoOption & { files?: ChangedFile[] } = {},
  ): void {
    const pull = this.pull(number, options);
    pull.headSha = headSha;
    if (options.files) pull.files = options.files;
  }

  addComment(issueNumber: number, body: string, options: RepoOption & { user?: string } = {}): CommentRecord {
    this.issue(issueNumber, options);
    const now = this.now();
    const comment = {
      id: this.nextId(),
      issueNumber,
      body,
      user: this.user(options.user ?? "octocat").login,
      createdAt: now,
      updatedAt: now,
    };
    this.repo(options.repo).comments.push(comment);
    return comment;
  }

  setComparison(
    options: RepoOption & Partial<ComparisonRecord> & { base: string; head: string; files: ChangedFile[] },
  ): ComparisonRecord {
    const { repo, ...rest } = options;
    const comparison: ComparisonRecord = {
      status: "ahead",
      aheadBy: rest.commits?.length ?? 1,
      behindBy: 0,
      commits: [rest.head],
      ...rest,
    };
    this.repo(repo).comparisons.push(comparison);
    return comparison;
  }

  /** A file at a commit SHA or branch, served by `GET /repos/{owner}/{repo}/contents/{path}?ref=`. */
  setFile(ref: string, path: string, content: string, options: RepoOption = {}): void {
    const repo = this.repo(options.repo);
    repo.files = repo.files.filter((f) => !(f.ref === ref && f.path === path));
    repo.files.push({ ref, path, content });
  }

  addWorkflowRun(
    options: RepoOption & Partial<Omit<WorkflowRunRecord, "id">> & { headSha: string },
  ): WorkflowRunRecord {
    const { repo: repoOption, ...rest } = options;
    const repo = this.repo(repoOption);
    const now = this.now();
    const run: WorkflowRunRecord = {
      id: this.nextId(),
      name: "maat",
      event: "push",
      status: "completed",
      conclusion: "success",
      headBranch: repo.repo.defaultBranch,
      runNumber: repo.runs.length + 1,
      workflowId: 161335,
      createdAt: now,
      updatedAt: now,
      ...rest,
    };
    repo.runs.push(run);
    return run;
  }

  addArtifact(
    runId: number,
    name: string,
    options: RepoOption & { sizeInBytes?: number; expired?: boolean } = {},
  ): ArtifactRecord {
    const now = this.now();
    const artifact = {
      id: this.nextId(),
      runId,
      name,
      sizeInBytes: options.sizeInBytes ?? 1024,
      expired: options.expired ?? false,
      createdAt: now,
      expiresAt: new Date(Date.parse(now) + 90 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    };
    this.repo(options.repo).artifacts.push(artifact);
    return artifact;
  }

  issue(number: number, options: RepoOption = {}): IssueRecord {
    const issue = this.repo(options.repo).issues.find((i) => i.number === number);
    if (!issue) throw new Error(`no issue or pull request #${number} in the fake`);
    return issue;
  }

  pull(number: number, options: RepoOption = {}): PullRequestRecord {
    const pull = this.repo(options.repo).pulls.find((p) => p.number === number);
    if (!pull) throw new Error(`no pull request #${number} in the fake`);
    return pull;
  }

  /** Comments on one issue or pull request, oldest first. */
  comments(issueNumber: number, options: RepoOption = {}): CommentRecord[] {
    return this.repo(options.repo).comments.filter((c) => c.issueNumber === issueNumber);
  }

  /** Issues only, pull requests left out. */
  issues(options: RepoOption = {}): IssueRecord[] {
    return this.repo(options.repo).issues.filter((i) => !i.isPullRequest);
  }

  events(issueNumber: number, options: RepoOption = {}): IssueEventRecord[] {
    return this.repo(options.repo).events.filter((e) => e.issueNumber === issueNumber);
  }

  /** Pull requests opened through the API (baseline pull requests) or seeded. */
  pulls(options: RepoOption = {}): PullRequestRecord[] {
    return this.repo(options.repo).pulls;
  }
}

function repoKey(owner: string, repo: string): string {
  return `${owner}/${repo}`.toLowerCase();
}
