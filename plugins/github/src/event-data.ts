/**
 * The `data` of the events the GitHub source emits: a small, stable subset of GitHub's payload
 * (the full payload is large and changes), in camelCase. Templates and receivers rely on these
 * names; add fields, never rename them.
 */

/** The repository an event is about. */
export interface RepositoryRef {
  /** `owner/name` */
  readonly fullName: string | null;
  readonly htmlUrl: string | null;
}

/** The GitHub user who triggered the event. */
export interface SenderRef {
  readonly login: string | null;
}

interface Common {
  readonly repository: RepositoryRef;
  readonly sender: SenderRef;
}

/** `github.push`: commits pushed, or a branch or tag created or deleted. */
export interface PushData extends Common {
  /** Full ref, `refs/heads/main` or `refs/tags/v1.0.0`. */
  readonly ref: string;
  readonly refType: 'branch' | 'tag' | 'other';
  /** The ref without its prefix: `main`, `v1.0.0`. */
  readonly refName: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly created: boolean;
  /** The ref was deleted: no commits, `headCommit` is null. */
  readonly deleted: boolean;
  readonly forced: boolean;
  readonly commitCount: number;
  /** The newest commit, or null (a deletion). `message` is cut at 1,000 characters. */
  readonly headCommit: { readonly id: string; readonly message: string; readonly url: string | null; readonly author: string | null } | null;
  readonly compareUrl: string | null;
}

/** `github.pr.opened`, `github.pr.merged`, `github.pr.closed`. */
export interface PullRequestData extends Common {
  /** GitHub's action: `opened`, `reopened` or `closed`. */
  readonly action: string;
  readonly pullRequest: {
    readonly number: number | null;
    readonly title: string | null;
    readonly url: string | null;
    readonly author: string | null;
    /** Target branch. */
    readonly base: string | null;
    /** Source branch. */
    readonly head: string | null;
    readonly draft: boolean;
    readonly merged: boolean;
    readonly mergedBy: string | null;
  };
}

/** `github.issues.<action>`. */
export interface IssueData extends Common {
  readonly action: string;
  readonly issue: {
    readonly number: number | null;
    readonly title: string | null;
    readonly url: string | null;
    readonly author: string | null;
    /** `open` or `closed`. */
    readonly state: string | null;
    readonly labels: readonly string[];
  };
}

/** `github.release.<action>`. */
export interface ReleaseData extends Common {
  readonly action: string;
  readonly release: {
    readonly tagName: string | null;
    /** May be null: templates fall back to the tag. */
    readonly name: string | null;
    readonly url: string | null;
    readonly author: string | null;
    readonly prerelease: boolean;
    readonly draft: boolean;
  };
}
