import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { secretsSchema, settingsSchema } from './schemas.ts';

const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdEfGhIjKlMnOpQrStUvWxYz0123';
const validUrl = (url: string) => v.safeParse(secretsSchema, { webhookUrl: url }).success;

describe('discord secrets', () => {
  it.each([
    `https://discord.com/api/webhooks/123456789012345678/${token}`,
    `https://discordapp.com/api/webhooks/123456789012345678/${token}`,
    `https://ptb.discord.com/api/webhooks/123456789012345678/${token}`,
    `https://canary.discord.com/api/v10/webhooks/123456789012345678/${token}`,
  ])('accepts %s', (url) => {
    expect(validUrl(url)).toBe(true);
  });

  it.each([
    `http://discord.com/api/webhooks/123456789012345678/${token}`,
    `https://evil.com/api/webhooks/123456789012345678/${token}`,
    `https://discord.com.evil.com/api/webhooks/123456789012345678/${token}`,
    `https://discord.com/api/webhooks/123456789012345678/${token}?thread_id=1`,
    'https://discord.com/api/webhooks/123456789012345678',
    `https://discord.com/api/channels/123456789012345678/${token}`,
  ])('refuses %s', (url) => {
    expect(validUrl(url)).toBe(false);
  });
});

describe('discord settings', () => {
  const valid = (settings: unknown) => v.safeParse(settingsSchema, settings).success;

  it('accepts an empty object and a full one', () => {
    expect(valid({})).toBe(true);
    expect(
      valid({ username: 'Event Hub', avatarUrl: 'https://cdn.example.com/a.png', mentions: false, templates: { 'github.*': '🐙 {{event.type}}', '*': 'x' } }),
    ).toBe(true);
  });

  it('refuses names Discord refuses, plain-http avatars and malformed template keys', () => {
    expect(valid({ username: 'Discord Bot' })).toBe(false);
    expect(valid({ username: 'my CLYDE' })).toBe(false);
    expect(valid({ avatarUrl: 'http://cdn.example.com/a.png' })).toBe(false);
    expect(valid({ templates: { 'Member Created': 'x' } })).toBe(false);
    expect(valid({ templates: { 'member.created': '' } })).toBe(false);
  });
});
