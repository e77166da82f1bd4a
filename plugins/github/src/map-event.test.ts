import { describe, expect, it } from 'vitest';
import { mapGithubEvent } from './map-event.ts';
import { githubExample, githubExamples } from './octokit-examples.ts';

const repository = { fullName: 'Codertocat/Hello-World', htmlUrl: 'https://github.com/Codertocat/Hello-World' };
const sender = { login: 'Codertocat' };

describe('mapGithubEvent: push', () => {
  it('maps a branch push with its head commit', () => {
    const payload = githubExample('push', (p) => p['ref'] === 'refs/heads/master');
    expect(mapGithubEvent('push', payload)).toEqual([
      {
        type: 'github.push',
        data: {
          repository,
          sender,
          ref: 'refs/heads/master',
          refType: 'branch',
          refName: 'master',
          before: payload['before'],
          after: payload['after'],
          created: payload['created'],
          deleted: false,
          forced: false,
          commitCount: 1,
          headCommit: {
            id: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
            message: 'Initial commit',
            url: 'https://github.com/Codertocat/Hello-World/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246',
            author: 'Codertocat',
          },
          compareUrl: 'https://github.com/Codertocat/Hello-World/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246',
        },
      },
    ]);
  });

  it('maps a tag deletion, whose head_commit is null', () => {
    const payload = githubExample('push', (p) => p['deleted'] === true);
    expect(payload['head_commit']).toBeNull();
    const [event] = mapGithubEvent('push', payload);
    expect(event?.data).toMatchObject({ refType: 'tag', refName: 'simple-tag', deleted: true, commitCount: 0, headCommit: null });
  });

  it('maps every example push without throwing', () => {
    for (const payload of githubExamples('push')) expect(mapGithubEvent('push', payload)).toHaveLength(1);
  });

  it('cuts very long commit messages', () => {
    const payload = githubExample('push', (p) => p['ref'] === 'refs/heads/master');
    (payload['head_commit'] as Record<string, unknown>)['message'] = 'x'.repeat(5000);
    const [event] = mapGithubEvent('push', payload);
    expect((event?.data['headCommit'] as { message: string }).message).toHaveLength(1000);
  });
});

describe('mapGithubEvent: pull_request', () => {
  const pr = {
    number: 2,
    title: 'Update the README with new information.',
    url: 'https://github.com/Codertocat/Hello-World/pull/2',
    author: 'Codertocat',
    base: 'master',
    head: 'changes',
    draft: false,
  };

  it('maps opened and reopened to github.pr.opened', () => {
    const opened = githubExample('pull_request', (p) => p['action'] === 'opened');
    expect(mapGithubEvent('pull_request', opened)).toEqual([
      { type: 'github.pr.opened', data: { repository, sender, action: 'opened', pullRequest: { ...pr, merged: false, mergedBy: null } } },
    ]);
    const reopened = githubExample('pull_request', (p) => p['action'] === 'reopened');
    expect(mapGithubEvent('pull_request', reopened).map((e) => e.type)).toEqual(['github.pr.opened']);
  });

  it('maps closed without merge to github.pr.closed and a merge to github.pr.merged', () => {
    const closed = githubExample('pull_request', (p) => p['action'] === 'closed');
    expect(mapGithubEvent('pull_request', closed).map((e) => e.type)).toEqual(['github.pr.closed']);

    // The examples have no merged PR: a merge is `closed` with pull_request.merged true.
    const merged = githubExample('pull_request', (p) => p['action'] === 'closed');
    const pull = merged['pull_request'] as Record<string, unknown>;
    pull['merged'] = true;
    pull['merged_by'] = { login: 'octocat' };
    const [event] = mapGithubEvent('pull_request', merged);
    expect(event).toMatchObject({ type: 'github.pr.merged', data: { pullRequest: { merged: true, mergedBy: 'octocat' } } });
  });

  it('acknowledges other actions without events', () => {
    for (const action of ['synchronize', 'labeled', 'assigned', 'review_requested']) {
      expect(mapGithubEvent('pull_request', githubExample('pull_request', (p) => p['action'] === action))).toEqual([]);
    }
  });
});

describe('mapGithubEvent: issues and release', () => {
  it('maps issue actions to github.issues.<action>', () => {
    const opened = githubExample('issues', (p) => p['action'] === 'opened');
    const [event] = mapGithubEvent('issues', opened);
    expect(event?.type).toBe('github.issues.opened');
    expect(event?.data).toMatchObject({
      repository,
      action: 'opened',
      issue: { number: 1, title: 'Spelling error in the README file', url: 'https://github.com/Codertocat/Hello-World/issues/1', author: 'Codertocat' },
    });
    expect(mapGithubEvent('issues', githubExample('issues', (p) => p['action'] === 'reopened'))[0]?.type).toBe('github.issues.reopened');
    expect(mapGithubEvent('issues', githubExample('issues', (p) => p['action'] === 'labeled'))).toEqual([]);
  });

  it('maps release actions to github.release.<action>', () => {
    const published = githubExample('release', (p) => p['action'] === 'published');
    expect(mapGithubEvent('release', published)).toEqual([
      {
        type: 'github.release.published',
        data: {
          repository,
          sender,
          action: 'published',
          release: {
            tagName: '0.0.1',
            name: null,
            url: 'https://github.com/Codertocat/Hello-World/releases/tag/0.0.1',
            author: 'Codertocat',
            prerelease: false,
            draft: false,
          },
        },
      },
    ]);
    expect(mapGithubEvent('release', githubExample('release', (p) => p['action'] === 'created'))[0]?.type).toBe('github.release.created');
    expect(mapGithubEvent('release', githubExample('release', (p) => p['action'] === 'deleted'))).toEqual([]);
  });

  it('ignores events the hub does not model', () => {
    expect(mapGithubEvent('star', { action: 'created' })).toEqual([]);
    expect(mapGithubEvent('ping', githubExample('ping'))).toEqual([]);
  });
});
