import type * as v from 'valibot';

/** Turn valibot issues into `[{path, message}]`, the `details` of a 422. */
export function issueDetails(issues: readonly v.BaseIssue<unknown>[], prefix = ''): { path: string; message: string }[] {
  return issues.map((issue) => {
    const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
    return { path: prefix + path, message: issue.message };
  });
}
