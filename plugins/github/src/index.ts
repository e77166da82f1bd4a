import { defineSource, eventTypeMatches, ui, type EventDraft } from '@hub/plugin-sdk';
import * as v from 'valibot';
import { githubEvents } from './event-catalog.ts';
import { mapGithubEvent } from './map-event.ts';
import { readPayload } from './read-payload.ts';
import { verifyGithubSignature } from './verify-signature.ts';

/**
 * GitHub repository/organisation webhooks (`POST /api/v1/webhooks/github`): signature checked
 * on the raw bytes, `ping` acknowledged, push / pull_request / issues / release mapped onto
 * `github.*` events, redeliveries recognised by `X-GitHub-Delivery`.
 */
const github = defineSource({
  id: 'github',
  version: '1.0.0',
  name: 'GitHub',
  description: 'Receive push, pull request, issue and release webhooks from GitHub.',
  icon: '🐙',
  settings: v.object({
    events: v.optional(
      v.pipe(
        v.array(v.pipe(v.string(), v.regex(/^(?:\*|github(?:\.[a-z_]+)*(?:\.\*)?)$/, 'Expected github.* event types, e.g. github.push or github.pr.*'))),
        ui({ label: 'Only these events', help: 'Event types or wildcards (github.pr.*). Empty: every supported event.' }),
      ),
    ),
  }),
  secrets: v.object({
    webhookSecret: v.pipe(
      v.string(),
      v.minLength(1),
      ui({ widget: 'password', secret: true, label: 'Webhook secret', help: 'The "Secret" entered in the GitHub webhook settings.' }),
    ),
  }),
  events: githubEvents,
  ingress: {
    verify: (ctx, request) => verifyGithubSignature(ctx.secrets.webhookSecret, request.body, request.headers['x-hub-signature-256']),

    parse(ctx, request) {
      const name = request.headers['x-github-event'];
      if (name === undefined || name === '') throw new Error('missing X-GitHub-Event header');
      if (name === 'ping') return [];
      const mapped = mapGithubEvent(name, readPayload(request));
      if (mapped.length === 0) ctx.logger.debug('github event not mapped, acknowledged', { event: name });
      // Ids come from the delivery id, numbered before filtering so they never depend on settings.
      const delivery = request.headers['x-github-delivery'];
      const drafts: EventDraft[] = mapped.map((event, index) =>
        delivery ? { ...event, eventId: mapped.length === 1 ? `github:${delivery}` : `github:${delivery}:${index}` } : event,
      );
      const filter = ctx.settings.events ?? [];
      return filter.length === 0 ? drafts : drafts.filter((draft) => filter.some((pattern) => eventTypeMatches(pattern, draft.type)));
    },

    dedupeKey: (request) => request.headers['x-github-delivery'] || undefined,
  },
});

export default github;
