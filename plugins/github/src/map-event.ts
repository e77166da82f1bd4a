import { truncateText } from '@hub/plugin-sdk';
import type { IssueData, PullRequestData, PushData, ReleaseData } from './event-data.ts';

/** The issue and release actions that become events; others are acknowledged and dropped. */
export const ISSUE_ACTIONS = ['opened', 'closed', 'reopened', 'edited'] as const;
export const RELEASE_ACTIONS = ['published', 'created', 'released', 'prereleased'] as const;

const MAX_MESSAGE_LENGTH = 1000;

/** An event found in a GitHub delivery, before ids are assigned. */
export interface MappedEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/**
 * Turn one GitHub delivery (`X-GitHub-Event` name + payload) into hub events. `ping` and
 * events or actions the hub does not model give an empty list: acknowledged, not an error.
 */
export function mapGithubEvent(name: string, payload: Record<string, unknown>): MappedEvent[] {
  const action = str(payload, 'action');
  switch (name) {
    case 'push':
      return [{ type: 'github.push', data: { ...pushData(payload) } }];
    case 'pull_request': {
      const type = pullRequestType(action, bool(payload, 'pull_request', 'merged'));
      return type ? [{ type, data: { ...pullRequestData(payload) } }] : [];
    }
    case 'issues':
      return action !== null && includes(ISSUE_ACTIONS, action) ? [{ type: `github.issues.${action}`, data: { ...issueData(payload) } }] : [];
    case 'release':
      return action !== null && includes(RELEASE_ACTIONS, action) ? [{ type: `github.release.${action}`, data: { ...releaseData(payload) } }] : [];
    default:
      return [];
  }
}

/** Reopening counts as opening; closing is a merge when `pull_request.merged` is true. */
function pullRequestType(action: string | null, merged: boolean): string | undefined {
  if (action === 'opened' || action === 'reopened') return 'github.pr.opened';
  if (action === 'closed') return merged ? 'github.pr.merged' : 'github.pr.closed';
  return undefined;
}

function common(payload: unknown) {
  return {
    repository: { fullName: str(payload, 'repository', 'full_name'), htmlUrl: str(payload, 'repository', 'html_url') },
    sender: { login: str(payload, 'sender', 'login') },
  };
}

function pushData(payload: unknown): PushData {
  const ref = str(payload, 'ref') ?? '';
  const refType = ref.startsWith('refs/heads/') ? 'branch' : ref.startsWith('refs/tags/') ? 'tag' : 'other';
  const commits = at(payload, 'commits');
  const head = at(payload, 'head_commit');
  return {
    ...common(payload),
    ref,
    refType,
    refName: ref.replace(/^refs\/(?:heads|tags)\//, ''),
    before: str(payload, 'before'),
    after: str(payload, 'after'),
    created: bool(payload, 'created'),
    deleted: bool(payload, 'deleted'),
    forced: bool(payload, 'forced'),
    commitCount: Array.isArray(commits) ? commits.length : 0,
    // null when the push deleted the ref (or pushed no commit).
    headCommit:
      typeof head === 'object' && head !== null
        ? {
            id: str(head, 'id') ?? '',
            message: truncateText(str(head, 'message') ?? '', MAX_MESSAGE_LENGTH),
            url: str(head, 'url'),
            author: str(head, 'author', 'username') ?? str(head, 'author', 'name'),
          }
        : null,
    compareUrl: str(payload, 'compare'),
  };
}

function pullRequestData(payload: unknown): PullRequestData {
  return {
    ...common(payload),
    action: str(payload, 'action') ?? '',
    pullRequest: {
      number: num(payload, 'pull_request', 'number') ?? num(payload, 'number'),
      title: str(payload, 'pull_request', 'title'),
      url: str(payload, 'pull_request', 'html_url'),
      author: str(payload, 'pull_request', 'user', 'login'),
      base: str(payload, 'pull_request', 'base', 'ref'),
      head: str(payload, 'pull_request', 'head', 'ref'),
      draft: bool(payload, 'pull_request', 'draft'),
      merged: bool(payload, 'pull_request', 'merged'),
      mergedBy: str(payload, 'pull_request', 'merged_by', 'login'),
    },
  };
}

function issueData(payload: unknown): IssueData {
  const labels = at(payload, 'issue', 'labels');
  return {
    ...common(payload),
    action: str(payload, 'action') ?? '',
    issue: {
      number: num(payload, 'issue', 'number'),
      title: str(payload, 'issue', 'title'),
      url: str(payload, 'issue', 'html_url'),
      author: str(payload, 'issue', 'user', 'login'),
      state: str(payload, 'issue', 'state'),
      labels: Array.isArray(labels) ? labels.map((label) => str(label, 'name')).filter((name) => name !== null) : [],
    },
  };
}

function releaseData(payload: unknown): ReleaseData {
  return {
    ...common(payload),
    action: str(payload, 'action') ?? '',
    release: {
      tagName: str(payload, 'release', 'tag_name'),
      name: str(payload, 'release', 'name'),
      url: str(payload, 'release', 'html_url'),
      author: str(payload, 'release', 'author', 'login'),
      prerelease: bool(payload, 'release', 'prerelease'),
      draft: bool(payload, 'release', 'draft'),
    },
  };
}

/** Read a nested value of untyped JSON; own properties only. */
function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function str(value: unknown, ...path: string[]): string | null {
  const found = at(value, ...path);
  return typeof found === 'string' ? found : null;
}

function num(value: unknown, ...path: string[]): number | null {
  const found = at(value, ...path);
  return typeof found === 'number' ? found : null;
}

function bool(value: unknown, ...path: string[]): boolean {
  return at(value, ...path) === true;
}

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
