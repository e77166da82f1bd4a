import type { RawRequest } from '@hub/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { readPayload } from './read-payload.ts';

const request = (body: string, contentType?: string): RawRequest => ({
  method: 'POST',
  headers: contentType === undefined ? {} : { 'content-type': contentType },
  body: Buffer.from(body),
  query: {},
});

describe('readPayload', () => {
  it('reads JSON bodies, with or without a charset or content type', () => {
    expect(readPayload(request('{"zen":"Keep it logically awesome."}', 'application/json'))).toEqual({ zen: 'Keep it logically awesome.' });
    expect(readPayload(request('{"a":1}', 'application/json; charset=utf-8'))).toEqual({ a: 1 });
    expect(readPayload(request('{"a":1}'))).toEqual({ a: 1 });
  });

  it('reads the payload field of form-encoded bodies', () => {
    const body = new URLSearchParams({ payload: '{"ref":"refs/heads/a+b&c"}' }).toString();
    expect(readPayload(request(body, 'application/x-www-form-urlencoded'))).toEqual({ ref: 'refs/heads/a+b&c' });
  });

  it('throws on bodies that are not a JSON object', () => {
    expect(() => readPayload(request('not json', 'application/json'))).toThrow('not valid JSON');
    expect(() => readPayload(request('[1]', 'application/json'))).toThrow('not a JSON object');
    expect(() => readPayload(request('other=1', 'application/x-www-form-urlencoded'))).toThrow('no payload field');
  });
});
