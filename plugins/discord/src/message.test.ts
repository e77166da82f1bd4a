import { describe, expect, it } from 'vitest';
import { defaultTemplates } from './default-templates.ts';
import { templateFor } from './message.ts';

const byType = (type: string) => defaultTemplates.find((t) => t.eventType === type)?.source;

describe('templateFor', () => {
  it('has an emoji default for every event of the request and a fallback', () => {
    const required = [
      'member.created', 'member.activated', 'event.created', 'hackathon.created', 'community.approved',
      'github.push', 'github.pr.opened', 'github.pr.merged', 'github.issues.opened', 'github.release.published',
      'webhook.test', 'webhook.disabled', 'delivery.dead', '*',
    ];
    for (const type of required) expect(byType(type), type).toMatch(/^(\p{Extended_Pictographic}|\{\{)/u);
    expect(byType('member.created')).toMatch(/^🎉/);
    expect(byType('event.created')).toMatch(/^🚀 New event created!/);
  });

  it('picks exact, then wildcard, then the fallback', () => {
    expect(templateFor('github.push')).toBe(byType('github.push'));
    expect(templateFor('github.issues.closed')).toBe(byType('github.issues.*'));
    expect(templateFor('github.check.completed')).toBe(byType('github.*'));
    expect(templateFor('alert.fired')).toBe(byType('*'));
  });

  it('uses a matching webhook template before any default', () => {
    expect(templateFor('member.created', { 'member.created': 'mine' })).toBe('mine');
    expect(templateFor('member.created', { '*': 'mine' })).toBe('mine');
    expect(templateFor('github.push', { 'github.*': 'mine', 'github.push': 'exact' })).toBe('exact');
    expect(templateFor('github.push', { 'member.*': 'mine' })).toBe(byType('github.push'));
  });
});
