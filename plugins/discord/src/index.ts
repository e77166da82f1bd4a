import {
  classifyHttpError,
  defineSink,
  permanent,
  redactSecrets,
  type DeliveryOutcome,
} from '@hub/plugin-sdk';
import { defaultTemplates } from './default-templates.ts';
import { classifyDiscordResponse } from './discord-response.ts';
import { buildMessage, type DiscordMessage } from './message.ts';
import { DISCORD_WEBHOOK_URL, secretsSchema, settingsSchema } from './schemas.ts';

/**
 * Posts events to a Discord channel through a channel webhook, one message per event, from
 * per-event Handlebars templates. The webhook URL is a secret (it carries the token): it is
 * redacted from every reason and log line.
 */
const discord = defineSink({
  id: 'discord',
  version: '1.0.0',
  name: 'Discord',
  description: 'Post a message to a Discord channel, with a template per event type.',
  icon: '💬',
  requiresUrl: false,
  settings: settingsSchema,
  secrets: secretsSchema,
  templates: defaultTemplates,
  async deliver(ctx, input) {
    const { webhookUrl } = ctx.secrets;
    const secrets = [webhookUrl, DISCORD_WEBHOOK_URL.exec(webhookUrl)?.[2] ?? ''];
    const finish = (outcome: DeliveryOutcome): DeliveryOutcome => {
      const responseBody = outcome.responseBody === undefined ? {} : { responseBody: redactSecrets(outcome.responseBody, secrets) };
      if (outcome.kind === 'ok') {
        ctx.logger.debug('discord message posted', { status: outcome.status });
        return { ...outcome, ...responseBody };
      }
      const reason = redactSecrets(outcome.reason, secrets);
      ctx.logger.warn('discord delivery failed', { status: outcome.status, class: outcome.class, reason });
      return { ...outcome, reason, ...responseBody };
    };

    let message: DiscordMessage;
    try {
      message = buildMessage(ctx.settings, ctx.templates, input);
    } catch (error) {
      return finish(permanent(`template error: ${error instanceof Error ? error.message : String(error)}`));
    }
    if (message.content === '') return finish(permanent('the template rendered an empty message'));

    try {
      const res = await ctx.http.request({
        url: `${webhookUrl}?wait=true`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
        signal: ctx.signal,
      });
      return finish(classifyDiscordResponse(res, ctx.now()));
    } catch (error) {
      return finish(classifyHttpError(error));
    }
  },
});

export default discord;
