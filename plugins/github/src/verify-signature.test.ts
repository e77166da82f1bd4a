import { describe, expect, it } from 'vitest';
import { verifyGithubSignature } from './verify-signature.ts';

const secret = "It's a Secret to Everybody";
const body = Buffer.from('Hello, World!');
const good = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

describe('verifyGithubSignature', () => {
  it('accepts the GitHub documentation vector (DESIGN §11)', () => {
    expect(verifyGithubSignature(secret, body, good)).toEqual({ ok: true });
  });

  it('refuses a wrong secret, an altered body, or a flipped digit', () => {
    expect(verifyGithubSignature('another secret', body, good).ok).toBe(false);
    expect(verifyGithubSignature(secret, Buffer.from('Hello, World?'), good).ok).toBe(false);
    expect(verifyGithubSignature(secret, body, `${good.slice(0, -1)}f`)).toEqual({
      ok: false,
      reason: 'X-Hub-Signature-256 does not match the body (wrong secret, or the body was altered)',
    });
  });

  it.each([
    [undefined, 'missing X-Hub-Signature-256 header'],
    ['', 'missing X-Hub-Signature-256 header'],
    ['757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17', 'malformed'],
    ['sha1=7d38cdd689735b008b3c702edd92eea23791c5f6', 'malformed'],
    ['sha256=757107ea', 'malformed'],
    [`${good}00`, 'malformed'],
    ['sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17', 'malformed'],
  ])('refuses the header %j with a reason', (header, reason) => {
    const result = verifyGithubSignature(secret, body, header);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('refuses everything when no secret is configured', () => {
    expect(verifyGithubSignature('', body, good).ok).toBe(false);
  });
});
