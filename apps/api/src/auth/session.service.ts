import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import type { Response } from 'express';
import { DataSource, LessThan } from 'typeorm';
import { isRole } from '@haven/domain';
import { HavenConfig } from '../config/config';
import { RoleGrant } from '../identity/role-grant.entity';
import { User } from '../identity/user.entity';
import type { Actor } from './actor';
import { HavenRequest, SESSION_COOKIE } from './request-context';
import { UserSession } from './session.entity';

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Signed-in callers are remembered for a short while, so a classroom of students sending steps does not cost
 * three lookups per request. Sign-out and language changes update it at once; anything else (a disabled
 * account, a removed role) takes effect within ACTOR_TTL_MS.
 */
const ACTOR_TTL_MS = 30_000;
const MAX_CACHED_ACTORS = 50_000;

/** Student sessions are shorter: a shared classroom device should not stay signed in for long. */
const STUDENT_SESSION_HOURS = 4;

@Injectable()
export class SessionService {
  private readonly actors = new Map<string, { actor: Actor; expires: number; sessionExpires: number }>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: HavenConfig,
  ) {}

  /** Starts a session for a user and sets the httpOnly, SameSite cookie. */
  async start(user: User, res: Response): Promise<UserSession> {
    const token = randomBytes(32).toString('base64url');
    const hours = user.kind === 'student' ? STUDENT_SESSION_HOURS : this.config.SESSION_HOURS;
    const expiresAt = new Date(Date.now() + hours * 3600_000);
    const session = await this.ds
      .getRepository(UserSession)
      .save({ tokenHash: sha256(token), userId: user.id, expiresAt });
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: hours * 3600_000,
    });
    return session;
  }

  async end(req: HavenRequest, res: Response): Promise<void> {
    const token = this.tokenOf(req);
    if (token) {
      this.actors.delete(sha256(token));
      await this.ds.getRepository(UserSession).delete({ tokenHash: sha256(token) });
    }
    res.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
    });
    req.actorPromise = Promise.resolve(null);
    req.actor = null;
  }

  /** The caller of this request, looked up once and remembered on the request. */
  actorOf(req: HavenRequest): Promise<Actor | null> {
    req.actorPromise ??= this.lookup(this.tokenOf(req));
    return req.actorPromise;
  }

  /** Loads the actor for a user id (after sign-in, within the same request). */
  async actorForUser(userId: string, sessionId: string): Promise<Actor | null> {
    const user = await this.ds.getRepository(User).findOne({ where: { id: userId } });
    if (!user || user.disabledAt) return null;
    const grants = await this.ds.getRepository(RoleGrant).find({ where: { userId } });
    return {
      userId: user.id,
      kind: user.kind,
      displayName: user.displayName,
      preferredLanguage: user.preferredLanguage,
      sessionId,
      grants: grants
        .filter((g) => isRole(g.role))
        .map((g) => ({ role: g.role, districtId: g.districtId, schoolId: g.schoolId })),
    };
  }

  async purgeExpired(): Promise<void> {
    await this.ds.getRepository(UserSession).delete({ expiresAt: LessThan(new Date()) });
  }

  private tokenOf(req: HavenRequest): string | undefined {
    const value = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
  }

  /** Updates a remembered caller after they change a preference. */
  remember(actor: Actor): void {
    for (const entry of this.actors.values()) {
      if (entry.actor.userId === actor.userId)
        entry.actor = { ...entry.actor, preferredLanguage: actor.preferredLanguage };
    }
  }

  private async lookup(token: string | undefined): Promise<Actor | null> {
    if (!token) return null;
    const key = sha256(token);
    const now = Date.now();
    const cached = this.actors.get(key);
    if (cached && cached.expires > now && cached.sessionExpires > now) return cached.actor;
    const session = await this.ds.getRepository(UserSession).findOne({ where: { tokenHash: key } });
    if (!session || session.expiresAt.getTime() < now) {
      this.actors.delete(key);
      return null;
    }
    const actor = await this.actorForUser(session.userId, session.id);
    if (actor) {
      if (this.actors.size >= MAX_CACHED_ACTORS)
        this.actors.delete(this.actors.keys().next().value as string);
      this.actors.set(key, {
        actor,
        expires: now + ACTOR_TTL_MS,
        sessionExpires: session.expiresAt.getTime(),
      });
    }
    return actor;
  }
}
