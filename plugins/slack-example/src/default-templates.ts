import type { TemplateDefinition } from '@hub/plugin-sdk';

/**
 * Default messages in Slack mrkdwn: `*bold*`, `` `code` ``, `<url|text>` links, `>` quotes.
 * The most specific `eventType` wins (exact, then `github.*`, then `*`); admins override any of
 * them per webhook in the dashboard.
 */
export const defaultTemplates: readonly TemplateDefinition[] = [
  { eventType: 'member.created', source: '🎉 *{{data.name}}* just joined the community. Welcome aboard!' },
  { eventType: 'member.activated', source: '✅ *{{data.name}}* activated their membership.' },
  {
    eventType: 'event.created',
    source: '🚀 New event created! *{{#if data.url}}<{{data.url}}|{{data.title}}>{{else}}{{data.title}}{{/if}}*{{#if data.startsAt}} · {{date data.startsAt "datetime"}}{{/if}}',
  },
  {
    eventType: 'hackathon.created',
    source: '🏆 Hackathon launched: *{{#if data.url}}<{{data.url}}|{{data.title}}>{{else}}{{data.title}}{{/if}}*{{#if data.startsAt}} · starts {{date data.startsAt "date"}}{{/if}}',
  },
  { eventType: 'community.approved', source: '🌟 The community *{{data.name}}* has been approved.' },
  {
    eventType: 'github.push',
    source:
      '{{#if data.deleted}}🗑️ *{{data.sender.login}}* deleted {{data.refType}} `{{data.refName}}` in *{{data.repository.fullName}}*' +
      '{{else}}📦 *{{data.sender.login}}* pushed {{data.commitCount}} commit(s) to `{{data.refName}}` in *{{data.repository.fullName}}*' +
      '{{#if data.headCommit}}\n> {{truncate data.headCommit.message 200}}{{/if}}\n<{{data.compareUrl}}|Compare changes>{{/if}}',
  },
  {
    eventType: 'github.pr.opened',
    source:
      '🔀 *{{data.sender.login}}* opened <{{data.pullRequest.url}}|#{{data.pullRequest.number}} {{data.pullRequest.title}}>' +
      ' in *{{data.repository.fullName}}* (`{{data.pullRequest.head}}` → `{{data.pullRequest.base}}`)',
  },
  {
    eventType: 'github.pr.merged',
    source:
      '🟣 <{{data.pullRequest.url}}|#{{data.pullRequest.number}} {{data.pullRequest.title}}> was merged into `{{data.pullRequest.base}}`' +
      ' in *{{data.repository.fullName}}* by *{{data.sender.login}}*',
  },
  {
    eventType: 'github.pr.closed',
    source:
      '🚫 <{{data.pullRequest.url}}|#{{data.pullRequest.number}} {{data.pullRequest.title}}> was closed without merging' +
      ' in *{{data.repository.fullName}}* by *{{data.sender.login}}*',
  },
  {
    eventType: 'github.issues.opened',
    source: '🐛 *{{data.sender.login}}* opened issue <{{data.issue.url}}|#{{data.issue.number}} {{data.issue.title}}> in *{{data.repository.fullName}}*',
  },
  {
    eventType: 'github.issues.*',
    source: '🐛 *{{data.sender.login}}* {{data.action}} issue <{{data.issue.url}}|#{{data.issue.number}} {{data.issue.title}}> in *{{data.repository.fullName}}*',
  },
  {
    eventType: 'github.release.published',
    source: '✨ *{{data.repository.fullName}}* released <{{data.release.url}}|{{#if data.release.name}}{{data.release.name}}{{else}}{{data.release.tagName}}{{/if}}>',
  },
  {
    eventType: 'github.release.*',
    source:
      '🏷️ Release <{{data.release.url}}|{{#if data.release.name}}{{data.release.name}}{{else}}{{data.release.tagName}}{{/if}}>' +
      ' of *{{data.repository.fullName}}*: {{data.action}}',
  },
  { eventType: 'github.*', source: '🐙 `{{event.type}}` in *{{data.repository.fullName}}* by *{{data.sender.login}}*' },
  { eventType: 'webhook.test', source: '👋 Test message from the event hub: webhook *{{webhook.name}}* is connected.' },
  { eventType: 'webhook.disabled', source: '⚠️ Webhook *{{data.name}}* was disabled: {{data.reason}}' },
  {
    eventType: 'delivery.dead',
    source:
      '💀 Delivery of `{{data.eventType}}`{{#if data.webhookName}} to *{{data.webhookName}}*{{/if}} failed' +
      '{{#if data.attempts}} after {{data.attempts}} attempt(s){{/if}}: {{data.lastError}}',
  },
  { eventType: '*', source: '🔔 `{{event.type}}`\n```{{truncate (json data) 3500}}```' },
];
