import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  /** User id. */
  sub: string;
  /** Expiry, ms since epoch. */
  exp: number;
}

/**
 * Signed, expiring bearer tokens (HMAC-SHA256). The secret lives in the store, so tokens survive a
 * restart and are accepted by every server process sharing that store.
 */
export function createTokenService(secret: string, ttlMs: number, now: () => number = Date.now) {
  const sign = (body: string) => createHmac('sha256', secret).update(body).digest('base64url');
  return {
    issue(userId: string): { token: string; expiresAt: number } {
      const claims: TokenClaims = { sub: userId, exp: now() + ttlMs };
      const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return { token: `${body}.${sign(body)}`, expiresAt: claims.exp };
    },
    /** The claims of a valid, unexpired token; null otherwise. */
    verify(token: string): TokenClaims | null {
      const [body, signature] = token.split('.');
      if (!body || !signature) return null;
      const expected = Buffer.from(sign(body));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      try {
        const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as TokenClaims;
        return typeof claims.sub === 'string' && typeof claims.exp === 'number' && claims.exp > now() ? claims : null;
      } catch {
        return null;
      }
    },
  };
}
export type TokenService = ReturnType<typeof createTokenService>;
