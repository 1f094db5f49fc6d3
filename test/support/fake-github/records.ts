/** Plain records the fake keeps; factories turn them into GitHub's response shapes. */

export interface UserRecord {
  login: string;
  id: number;
  /** `Bot` for apps such as `github-actions[bot]`; `User` for people and personal access tokens. */
  type: "User" | "Bot";
  /**
   * An installation token (the Actions `GITHUB_TOKEN`) cannot read `GET /user`: GitHub answers
   * 403 "Resource not accessible by integration". The fake does the same.
   */
  isApp: boolean;
  /** How GitHub describes the user's relation to a repository (`author_association`). */
  association?: AuthorAssociation;
}

export type AuthorAssociation =
  | "OWNER"
  | "MEMBER"
  | "COLLABORATOR"
  | "CONTRIBUTOR"
  | "FIRST_TIME_CONTRIBUTOR"
  | "NONE";

export interface RepoRecord {
  owner: string;
  repo: string;
  id: number;
  defaultBranch: string;
  private: boolean;
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

/** Issues and pull requests share one number space, as on GitHub. */
export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "duplicate" | "reopened" | null;
  labels: string[];
  assignees: string[];
  user: string;
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  isPullRequest: boolean;
}

export interface CommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface IssueEventRecord {
  id: number;
  issueNumber: number;
  event: "labeled" | "unlabeled";
  actor: string;
  createdAt: string;
  /** The head commit of the pull request when the event happened (GitHub reports it for some events). */
  commitId: string | null;
  label?: { name: string; color: string };
}

export type FileStatus = "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";

export interface ChangedFile {
  filename: string;
  status: FileStatus;
  additions?: number;
  deletions?: number;
  previousFilename?: string;
}

export interface PullRequestRecord {
  number: number;
  id: number;
  headSha: string;
  headRef: string;
  /** `owner/repo` of the head; differs from the base repository for pull requests from forks. */
  headRepoFullName: string;
  baseRef: string;
  baseSha: string;
  draft: boolean;
  merged: boolean;
  files: ChangedFile[];
}

export interface ComparisonRecord {
  base: string;
  head: string;
  status: "diverged" | "ahead" | "behind" | "identical";
  aheadBy: number;
  behindBy: number;
  commits: string[];
  files: ChangedFile[];
}

export interface WorkflowRunRecord {
  id: number;
  name: string;
  event: string;
  status: "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending";
  conclusion:
    | "success"
    | "failure"
    | "cancelled"
    | "skipped"
    | "timed_out"
    | "neutral"
    | "action_required"
    | null;
  headSha: string;
  headBranch: string;
  runNumber: number;
  workflowId: number;
  createdAt: string;
  updatedAt: string;
}

export interface ArtifactRecord {
  id: number;
  runId: number;
  name: string;
  sizeInBytes: number;
  expired: boolean;
  createdAt: string;
  expiresAt: string;
}

/** Everything the fake knows about one repository. */
export interface RepoState {
  repo: RepoRecord;
  labels: LabelRecord[];
  issues: IssueRecord[];
  comments: CommentRecord[];
  events: IssueEventRecord[];
  pulls: PullRequestRecord[];
  comparisons: ComparisonRecord[];
  runs: WorkflowRunRecord[];
  artifacts: ArtifactRecord[];
  /** File contents by commit or branch, for `repos/get-content`. */
  files: Array<{ ref: string; path: string; content: string }>;
}
