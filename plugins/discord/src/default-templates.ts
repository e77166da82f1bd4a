import type { TemplateDefinition } from '@hub/plugin-sdk';

/**
 * The messages a Discord webhook posts unless its settings override them (Discord markdown;
 * `[text](<url>)` links without a preview embed). Variables: `event`, `data`, `webhook`
 * (see `templateVariables` in the SDK). The `data` fields used here are those of the hub's
 * event catalog and of the GitHub source plugin.
 */
export const defaultTemplates: readonly TemplateDefinition[] = [
  {
    eventType: 'member.created',
    description: 'A member joined (data.name)',
    source: '🎉 **{{data.name}}** just joined the community. Welcome aboard!',
  },
  {
    eventType: 'member.activated',
    description: 'A member activated their account (data.name)',
    source: '✅ **{{data.name}}** activated their membership.',
  },
  {
    eventType: 'event.created',
    description: 'An event was scheduled (data.title, data.startsAt, data.url)',
    source:
      '🚀 New event created! **{{data.title}}**{{#if data.startsAt}} · {{date data.startsAt "datetime"}}{{/if}}{{#if data.url}}\n{{data.url}}{{/if}}',
  },
  {
    eventType: 'hackathon.created',
    description: 'A hackathon was launched (data.title, data.startsAt, data.url)',
    source:
      '🏆 Hackathon launched: **{{data.title}}**{{#if data.startsAt}} · starts {{date data.startsAt "date"}}{{/if}}{{#if data.url}}\n{{data.url}}{{/if}}',
  },
  {
    eventType: 'community.approved',
    description: 'A community was approved (data.name)',
    source: '🌟 The community **{{data.name}}** has been approved.',
  },
  {
    eventType: 'github.push',
    description: 'Commits pushed, or a branch or tag created or deleted',
    source:
      '{{#if data.deleted}}🗑️ **{{data.sender.login}}** deleted {{data.refType}} `{{data.refName}}` in **{{data.repository.fullName}}**' +
      '{{else}}📦 **{{data.sender.login}}** pushed {{data.commitCount}} commit(s) to `{{data.refName}}` in **{{data.repository.fullName}}**' +
      '{{#if data.headCommit}}\n> {{truncate data.headCommit.message 200}}{{/if}}\n<{{data.compareUrl}}>{{/if}}',
  },
  {
    eventType: 'github.pr.opened',
    description: 'A pull request was opened or reopened',
    source:
      '🔀 **{{data.sender.login}}** opened [#{{data.pullRequest.number}} {{data.pullRequest.title}}](<{{data.pullRequest.url}}>)' +
      ' in **{{data.repository.fullName}}** (`{{data.pullRequest.head}}` → `{{data.pullRequest.base}}`)',
  },
  {
    eventType: 'github.pr.merged',
    description: 'A pull request was merged',
    source:
      '🟣 [#{{data.pullRequest.number}} {{data.pullRequest.title}}](<{{data.pullRequest.url}}>) was merged into `{{data.pullRequest.base}}`' +
      ' in **{{data.repository.fullName}}** by **{{data.sender.login}}**',
  },
  {
    eventType: 'github.pr.closed',
    description: 'A pull request was closed without merging',
    source:
      '🚫 [#{{data.pullRequest.number}} {{data.pullRequest.title}}](<{{data.pullRequest.url}}>) was closed without merging' +
      ' in **{{data.repository.fullName}}** by **{{data.sender.login}}**',
  },
  {
    eventType: 'github.issues.opened',
    description: 'An issue was opened',
    source:
      '🐛 **{{data.sender.login}}** opened issue [#{{data.issue.number}} {{data.issue.title}}](<{{data.issue.url}}>) in **{{data.repository.fullName}}**',
  },
  {
    eventType: 'github.issues.*',
    description: 'An issue was closed, reopened or edited',
    source:
      '🐛 **{{data.sender.login}}** {{data.action}} issue [#{{data.issue.number}} {{data.issue.title}}](<{{data.issue.url}}>) in **{{data.repository.fullName}}**',
  },
  {
    eventType: 'github.release.published',
    description: 'A release was published',
    source:
      '✨ **{{data.repository.fullName}}** released [{{#if data.release.name}}{{data.release.name}}{{else}}{{data.release.tagName}}{{/if}}](<{{data.release.url}}>)',
  },
  {
    eventType: 'github.release.*',
    description: 'A release was created, released or pre-released',
    source:
      '🏷️ Release [{{#if data.release.name}}{{data.release.name}}{{else}}{{data.release.tagName}}{{/if}}](<{{data.release.url}}>)' +
      ' of **{{data.repository.fullName}}**: {{data.action}}',
  },
  {
    eventType: 'github.*',
    description: 'Any other GitHub event',
    source: '🐙 `{{event.type}}` in **{{data.repository.fullName}}** by **{{data.sender.login}}**',
  },
  {
    eventType: 'webhook.test',
    description: 'The test message sent by "Test webhook"',
    source: '👋 Test message from the event hub: webhook **{{webhook.name}}** is connected.',
  },
  {
    eventType: 'webhook.disabled',
    description: 'A webhook was disabled (data.name, data.reason)',
    source: '⚠️ Webhook **{{data.name}}** was disabled: {{data.reason}}',
  },
  {
    eventType: 'delivery.dead',
    description: 'A delivery failed for good (data.eventType, data.webhookName, data.attempts, data.lastError)',
    source:
      '💀 Delivery of `{{data.eventType}}`{{#if data.webhookName}} to **{{data.webhookName}}**{{/if}} failed' +
      '{{#if data.attempts}} after {{data.attempts}} attempt(s){{/if}}: {{data.lastError}}',
  },
  {
    eventType: '*',
    description: 'Fallback for every other event: its type and payload',
    source: '🔔 `{{event.type}}`\n```json\n{{truncate (json data) 1800}}\n```',
  },
];
