import { RateLimiterMemory } from 'rate-limiter-flexible';

export interface LoginLimiterOptions {
  /** Failed attempts allowed per account key in the window. */
  perAccount: number;
  /** Failed attempts allowed per client address in the window. */
  perAddress: number;
  windowSeconds: number;
}

/**
 * Counts failed sign-ins per account and per client address (rate-limiter-flexible, in memory: Haven runs as
 * one process per district deployment). A success clears the account's count.
 */
export class LoginLimiter {
  private readonly byAccount: RateLimiterMemory;
  private readonly byAddress: RateLimiterMemory;

  constructor(options: LoginLimiterOptions = { perAccount: 5, perAddress: 50, windowSeconds: 15 * 60 }) {
    this.byAccount = new RateLimiterMemory({ points: options.perAccount, duration: options.windowSeconds });
    this.byAddress = new RateLimiterMemory({ points: options.perAddress, duration: options.windowSeconds });
  }

  /** True when this account or address has used up its failed attempts. */
  async isBlocked(account: string, address: string): Promise<boolean> {
    const [a, b] = await Promise.all([this.byAccount.get(account), this.byAddress.get(address)]);
    return (a?.remainingPoints ?? 1) <= 0 || (b?.remainingPoints ?? 1) <= 0;
  }

  async recordFailure(account: string, address: string): Promise<void> {
    await Promise.all([this.byAccount.penalty(account, 1), this.byAddress.penalty(address, 1)]);
  }

  async recordSuccess(account: string): Promise<void> {
    await this.byAccount.delete(account);
  }
}
