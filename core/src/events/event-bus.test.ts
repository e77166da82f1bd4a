import { describe, expect, it } from 'vitest';
import { silentLogger } from '../observability/logger.ts';
import type { StoredEvent } from '../store/ports.ts';
import { EventBus, type BusMessage } from './event-bus.ts';

const message: BusMessage = { kind: 'event.stored', event: { id: 'evt_1' } as StoredEvent };

describe('EventBus', () => {
  it('delivers every message to every subscriber', async () => {
    const bus = new EventBus(silentLogger());
    const seen: string[] = [];
    bus.subscribe('a', () => void seen.push('a'));
    bus.subscribe('b', async () => void seen.push('b'));
    await bus.publish(message);
    expect(seen.sort()).toEqual(['a', 'b']);
  });

  it('keeps going when one subscriber throws', async () => {
    const bus = new EventBus(silentLogger());
    const seen: string[] = [];
    bus.subscribe('broken', () => {
      throw new Error('boom');
    });
    bus.subscribe('fine', () => void seen.push('fine'));
    await expect(bus.publish(message)).resolves.toBeUndefined();
    expect(seen).toEqual(['fine']);
  });

  it('stops delivering after unsubscribe', async () => {
    const bus = new EventBus(silentLogger());
    let count = 0;
    const off = bus.subscribe('counter', () => void count++);
    await bus.publish(message);
    off();
    await bus.publish(message);
    expect(count).toBe(1);
  });
});
