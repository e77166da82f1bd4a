import { defineSink, defineSource, ok } from '@hub/plugin-sdk';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { loadPlugins } from './plugin-loader.ts';

const sink = (id: string) =>
  defineSink({ id, version: '1.0.0', name: id, requiresUrl: true, settings: v.object({}), secrets: v.object({}), deliver: async () => ok(200) });
const source = defineSource({
  id: 'acme',
  version: '1.0.0',
  name: 'Acme',
  settings: v.object({}),
  secrets: v.object({ token: v.string() }),
  events: [{ type: 'acme.ping', description: 'Ping', samplePayload: {} }],
  ingress: { verify: () => ({ ok: true }), parse: () => [], dedupeKey: () => undefined },
});

const modules: Record<string, unknown> = {
  good: { default: sink('good') },
  also: { default: sink('also') },
  twin: { default: sink('good') },
  source: { default: source },
  unbranded: { default: { id: 'plain', kind: 'sink', deliver: () => ok(200) } },
  future: { default: { ...sink('future'), apiVersion: 99 } },
  badId: { default: sink('Bad Id') },
  badSchema: { default: { ...sink('weird'), settings: v.object({ when: v.date() }) } },
};
const importer = async (name: string) => {
  if (!(name in modules)) throw new Error(`Cannot find module '${name}'`);
  return modules[name];
};

describe('loadPlugins', () => {
  it('loads sinks and sources by module name', async () => {
    const registry = await loadPlugins(['good', 'source'], importer);
    expect(registry.sink('good')?.id).toBe('good');
    expect(registry.source('acme')?.events[0]?.type).toBe('acme.ping');
    expect(registry.describe(registry.source('acme')!).secretFields).toEqual(['token']);
  });

  it.each([
    [['missing'], /Cannot load plugin 'missing'/],
    [['unbranded'], /does not export a plugin made with defineSink\(\) or defineSource\(\)/],
    [['future'], /targets SDK apiVersion 99; this hub supports 1/],
    [['good', 'twin'], /Duplicate plugin id 'good': provided by both 'good' and 'twin'/],
    [['badId'], /invalid id 'Bad Id'/],
    [['badSchema'], /settings schema cannot be turned into JSON Schema/],
  ])('refuses %j with a clear message', async (names, message) => {
    await expect(loadPlugins(names, importer)).rejects.toThrow(message);
  });

  it('loads the four first-party plugins by their package names', async () => {
    const registry = await loadPlugins(['@hub/plugin-generic-http', '@hub/plugin-discord', '@hub/plugin-github', '@hub/plugin-slack-example']);
    expect(registry.all.map((plugin) => plugin.id)).toEqual(['generic-http', 'discord', 'github', 'slack-example']);
  });
});
