import { LoginLimiter } from './login-limiter';

describe('LoginLimiter', () => {
  it('blocks an account after its failed attempts and not others', async () => {
    const limiter = new LoginLimiter({ perAccount: 3, perAddress: 100, windowSeconds: 60 });
    for (let i = 0; i < 2; i++) await limiter.recordFailure('a@x', '1.1.1.1');
    expect(await limiter.isBlocked('a@x', '1.1.1.1')).toBe(false);
    await limiter.recordFailure('a@x', '1.1.1.1');
    expect(await limiter.isBlocked('a@x', '1.1.1.1')).toBe(true);
    expect(await limiter.isBlocked('b@x', '1.1.1.1')).toBe(false);
  });

  it('blocks an address that tries many accounts', async () => {
    const limiter = new LoginLimiter({ perAccount: 100, perAddress: 4, windowSeconds: 60 });
    for (let i = 0; i < 4; i++) await limiter.recordFailure(`user${i}`, '2.2.2.2');
    expect(await limiter.isBlocked('fresh', '2.2.2.2')).toBe(true);
    expect(await limiter.isBlocked('fresh', '3.3.3.3')).toBe(false);
  });

  it('clears an account on success', async () => {
    const limiter = new LoginLimiter({ perAccount: 2, perAddress: 100, windowSeconds: 60 });
    await limiter.recordFailure('c@x', '1.1.1.1');
    await limiter.recordSuccess('c@x');
    await limiter.recordFailure('c@x', '1.1.1.1');
    expect(await limiter.isBlocked('c@x', '1.1.1.1')).toBe(false);
  });
});
