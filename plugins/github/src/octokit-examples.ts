/**
 * Test support only: real GitHub payloads from `@octokit/webhooks-examples`, a dev dependency
 * installed at the repository root. Loaded through `node:module` so that the plugin itself
 * keeps depending on nothing but the SDK.
 */
import { createRequire } from 'node:module';

interface WebhookDefinition {
  readonly name: string;
  readonly examples: readonly Record<string, unknown>[];
}

const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as readonly WebhookDefinition[];

/** The first example payload of a GitHub event that satisfies `where` (a deep copy). */
export function githubExample(
  name: string,
  where: (payload: Record<string, unknown>) => boolean = () => true,
): Record<string, unknown> {
  const found = definitions.find((definition) => definition.name === name)?.examples.find(where);
  if (found === undefined) throw new Error(`no @octokit/webhooks-examples payload for ${name} matching the condition`);
  return structuredClone(found);
}

/** Every example payload of a GitHub event. */
export function githubExamples(name: string): Record<string, unknown>[] {
  return structuredClone([...(definitions.find((definition) => definition.name === name)?.examples ?? [])]);
}
