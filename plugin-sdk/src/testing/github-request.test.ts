import { describe, expect, it } from 'vitest';
import { githubSignature256, signGithubRequest } from './github-request.ts';

describe('githubSignature256', () => {
  it('matches the GitHub documentation vector (DESIGN §11)', () => {
    expect(githubSignature256("It's a Secret to Everybody", 'Hello, World!')).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
  });
});

describe('signGithubRequest', () => {
  it('builds a JSON request signed over its exact bytes', () => {
    const request = signGithubRequest({ secret: 's', event: 'push', deliveryId: 'd-1', body: { zen: 'hi' } });
    expect(Buffer.from(request.body).toString()).toBe('{"zen":"hi"}');
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-github-delivery': 'd-1',
      'x-hub-signature-256': githubSignature256('s', '{"zen":"hi"}'),
    });
  });

  it('form-encodes the payload field and signs the encoded bytes', () => {
    const request = signGithubRequest({ secret: 's', event: 'ping', body: '{"a":"b&c"}', contentType: 'form' });
    const text = Buffer.from(request.body).toString();
    expect(new URLSearchParams(text).get('payload')).toBe('{"a":"b&c"}');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers['x-hub-signature-256']).toBe(githubSignature256('s', text));
  });
});
