import * as argon2 from 'argon2';

/** argon2id with OWASP's recommended minimum cost (19 MiB, 2 iterations). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string): Promise<string> {
  return argon2.hash(secret, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a secret against a hash. With no hash (unknown user) it still spends the same work on a dummy hash,
 * so response time does not reveal which accounts exist.
 */
export async function verifySecret(hash: string | undefined, secret: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashSecret('haven-dummy-secret');
    await argon2.verify(await dummyHash, secret).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, secret);
  } catch {
    return false;
  }
}
