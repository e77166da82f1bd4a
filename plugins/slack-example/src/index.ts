/**
 * Slack incoming-webhook sink, and the example to copy when writing a plugin (see README.md).
 * A plugin imports only `@hub/plugin-sdk`, `valibot` and `node:` built-ins.
 */
import {
  classifyHttpError,
  classifyHttpResponse,
  defineSink,
  permanent,
  redactSecrets,
  resolveTemplate,
  secretStrings,
  templateVariables,
  truncateText,
  ui,
  type DeliveryOutcome,
  type HttpResponse,
} from '@hub/plugin-sdk';
import * as v from 'valibot';
import { defaultTemplates } from './default-templates.ts';

// Slack shows at most ~4,000 characters of `text` nicely; longer messages are cut.
const MAX_TEXT_LENGTH = 4000;

export default defineSink({
  // The id is stored on every webhook using this sink: never change it once released.
  id: 'slack-example',
  version: '1.0.0',
  name: 'Slack',
  description: 'Post a message to a Slack channel through an incoming webhook.',
  icon: '💼',
  // false: the destination lives in `secrets`, so the hub's URL field is hidden.
  requiresUrl: false,

  // Settings are plain configuration, returned by the API and shown in the form. `ui()` hints
  // tell the dashboard which widget to draw; the server validates with this schema on save.
  settings: v.object({
    templates: v.optional(
      v.pipe(
        v.record(v.pipe(v.string(), v.regex(/^(?:\*|[a-z0-9_-]+(?:\.[a-z0-9_-]+)*(?:\.\*)?)$/)), v.pipe(v.string(), v.minLength(1), v.maxLength(4000))),
        ui({ widget: 'template', label: 'Message templates', help: 'Slack mrkdwn per event type; unset types use the defaults.' }),
      ),
    ),
  }),

  // Secrets are write-only and encrypted at rest. The incoming-webhook URL is the credential.
  secrets: v.object({
    webhookUrl: v.pipe(
      v.string(),
      v.regex(/^https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+$/, 'Expected https://hooks.slack.com/services/T…/B…/…'),
      ui({ widget: 'password', secret: true, label: 'Slack webhook URL', placeholder: 'https://hooks.slack.com/services/…' }),
    ),
  }),

  // Listed so admins can see and edit them in the dashboard.
  templates: defaultTemplates,

  async deliver(ctx, input) {
    // Everything that leaves the plugin (reasons, logs) is scrubbed of secret values.
    const scrub = (outcome: DeliveryOutcome): DeliveryOutcome =>
      outcome.kind === 'ok' ? outcome : { ...outcome, reason: redactSecrets(outcome.reason, secretStrings(ctx.secrets)) };

    let text: string;
    try {
      // The webhook's own template for this type (exact, `member.*` or `*`), else the best default.
      const source = resolveTemplate(input.event.type, ctx.settings.templates, defaultTemplates) ?? '{{event.type}}';
      const variables = escapeMrkdwn(templateVariables(input)) as Record<string, unknown>;
      text = truncateText(ctx.templates.render(source, variables, { maxLength: MAX_TEXT_LENGTH }).trim(), MAX_TEXT_LENGTH);
    } catch (error) {
      // A broken template will not fix itself on retry.
      return scrub(permanent(`template error: ${error instanceof Error ? error.message : String(error)}`));
    }
    if (text === '') return permanent('the template rendered an empty message');

    try {
      // Always go through ctx.http (SSRF-guarded, with timeout) and pass the attempt's signal.
      const res = await ctx.http.request({
        url: ctx.secrets.webhookUrl,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
        signal: ctx.signal,
      });
      const outcome = scrub(classifySlackResponse(res, ctx.now()));
      if (outcome.kind === 'failed') ctx.logger.warn('slack delivery failed', { status: outcome.status, reason: outcome.reason });
      return outcome;
    } catch (error) {
      // Timeouts and network errors are retryable; classifyHttpError knows which is which.
      return scrub(classifyHttpError(error));
    }
  },
});

/**
 * Slack answers a dead webhook with 403 (invalid_token, action_prohibited), 404 (no_service,
 * channel_not_found) or 410 (channel_is_archived): no retry will help, so the hub disables the
 * webhook. Everything else follows the hub's default mapping (429 rate limited, 5xx retryable).
 */
function classifySlackResponse(res: HttpResponse, now: Date): DeliveryOutcome {
  const code = /^[a-z_]{1,64}$/.test(res.body.trim()) ? `: ${res.body.trim()}` : '';
  if (res.status === 403 || res.status === 404 || res.status === 410) {
    return permanent(`Slack HTTP ${res.status}${code}`, { status: res.status, responseBody: res.body, disableWebhook: true });
  }
  const outcome = classifyHttpResponse(res, now);
  return outcome.kind === 'failed' ? { ...outcome, reason: `Slack ${outcome.reason}${code}` } : outcome;
}

/**
 * Event data is untrusted: escape `&`, `<` and `>` in every string so a value cannot become a
 * link or a `<!channel>` ping. Template text itself is not escaped, so templates keep links.
 */
function escapeMrkdwn(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (Array.isArray(value)) return value.map(escapeMrkdwn);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, escapeMrkdwn(inner)]));
  }
  return value;
}
