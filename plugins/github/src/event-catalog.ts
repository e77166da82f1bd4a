import type { EventTypeDefinition } from '@hub/plugin-sdk';
import type { IssueData, PullRequestData, PushData, ReleaseData } from './event-data.ts';
import { ISSUE_ACTIONS, RELEASE_ACTIONS } from './map-event.ts';

const repository = { fullName: 'Codertocat/Hello-World', htmlUrl: 'https://github.com/Codertocat/Hello-World' };
const sender = { login: 'Codertocat' };

const push: PushData = {
  repository,
  sender,
  ref: 'refs/heads/main',
  refType: 'branch',
  refName: 'main',
  before: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
  after: '0000000000000000000000000000000000000000',
  created: false,
  deleted: false,
  forced: false,
  commitCount: 1,
  headCommit: {
    id: '0000000000000000000000000000000000000000',
    message: 'Update README.md',
    url: 'https://github.com/Codertocat/Hello-World/commit/0000000000000000000000000000000000000000',
    author: 'Codertocat',
  },
  compareUrl: 'https://github.com/Codertocat/Hello-World/compare/6113728f27ae...000000000000',
};

const pullRequest = (action: string, merged: boolean): PullRequestData => ({
  repository,
  sender,
  action,
  pullRequest: {
    number: 2,
    title: 'Update the README with new information.',
    url: 'https://github.com/Codertocat/Hello-World/pull/2',
    author: 'Codertocat',
    base: 'main',
    head: 'changes',
    draft: false,
    merged,
    mergedBy: merged ? 'Codertocat' : null,
  },
});

const issue = (action: string): IssueData => ({
  repository,
  sender,
  action,
  issue: {
    number: 1,
    title: 'Spelling error in the README file',
    url: 'https://github.com/Codertocat/Hello-World/issues/1',
    author: 'Codertocat',
    state: action === 'closed' ? 'closed' : 'open',
    labels: ['bug'],
  },
});

const release = (action: string): ReleaseData => ({
  repository,
  sender,
  action,
  release: {
    tagName: '0.0.1',
    name: 'First release',
    url: 'https://github.com/Codertocat/Hello-World/releases/tag/0.0.1',
    author: 'Codertocat',
    prerelease: action === 'prereleased',
    draft: false,
  },
});

const ISSUE_DESCRIPTIONS: Record<(typeof ISSUE_ACTIONS)[number], string> = {
  opened: 'An issue was opened',
  closed: 'An issue was closed',
  reopened: 'An issue was reopened',
  edited: 'An issue title or body was edited',
};

const RELEASE_DESCRIPTIONS: Record<(typeof RELEASE_ACTIONS)[number], string> = {
  published: 'A release was published (made public)',
  created: 'A release was created (draft or published)',
  released: 'A release was published, or a pre-release became a release',
  prereleased: 'A pre-release was published',
};

/** Every event type the GitHub source can emit, with a sample of its `data`. */
export const githubEvents: readonly EventTypeDefinition[] = [
  { type: 'github.push', description: 'Commits pushed to a branch, or a branch or tag created or deleted', samplePayload: { ...push } },
  { type: 'github.pr.opened', description: 'A pull request was opened or reopened', samplePayload: { ...pullRequest('opened', false) } },
  { type: 'github.pr.merged', description: 'A pull request was merged', samplePayload: { ...pullRequest('closed', true) } },
  { type: 'github.pr.closed', description: 'A pull request was closed without merging', samplePayload: { ...pullRequest('closed', false) } },
  ...ISSUE_ACTIONS.map((action) => ({
    type: `github.issues.${action}`,
    description: ISSUE_DESCRIPTIONS[action],
    samplePayload: { ...issue(action) },
  })),
  ...RELEASE_ACTIONS.map((action) => ({
    type: `github.release.${action}`,
    description: RELEASE_DESCRIPTIONS[action],
    samplePayload: { ...release(action) },
  })),
];
