import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { DataSource, LessThan } from 'typeorm';
import { isRole, type Role } from '@haven/domain';
import { batchedCacheLoader } from '../common/batch-loader';
import { RefreshingCache } from '../common/refreshing-cache';
import { preparedQuery } from '../database/prepared';
import { HavenConfig } from '../config/config';
import { User } from '../identity/user.entity';
import type { Actor } from './actor';
import { HavenRequest, SESSION_COOKIE } from './request-context';
import { UserSession } from './session.entity';

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Signed-in callers are remembered for a short while (and reloaded in the background while they keep coming),
 * so a classroom of students sending steps does not cost a lookup per request. Sign-out and language changes
 * update it at once; anything else (a disabled account, a removed role) takes effect within ACTOR_TTL_MS.
 */
const ACTOR_TTL_MS = 30_000;
const MAX_CACHED_ACTORS = 50_000;

/** Student sessions are shorter: a shared classroom device should not stay signed in for long. */
const STUDENT_SESSION_HOURS = 4;

interface ActorRow {
  token_hash: string;
  session_id: string;
  expires_at: Date | string;
  user_id: string;
  kind: Actor['kind'];
  display_name: string;
  preferred_language: string;
  grants: [string, string | null, string | null][];
}

function actorOf(row: ActorRow): Actor {
  return {
    userId: row.user_id,
    kind: row.kind,
    displayName: row.display_name,
    preferredLanguage: row.preferred_language,
    sessionId: row.session_id,
    grants: row.grants
      .filter(([role]) => isRole(role))
      .map(([role, districtId, schoolId]) => ({ role: role as Role, districtId, schoolId })),
  };
}

@Injectable()
export class SessionService {
  /** Signed-in callers by token hash, with when their session ends. */
  private readonly actors = new RefreshingCache<string, { actor: Actor; sessionExpires: number } | null>(
    ACTOR_TTL_MS,
    MAX_CACHED_ACTORS,
  );
  /** Callers asked for together (a classroom arriving) are read in one query, and so are background reloads. */
  private readonly loadActor = batchedCacheLoader((hashes: readonly string[]) => this.loadActors(hashes));

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: HavenConfig,
  ) {}

  /** Starts a session for a user and sets the httpOnly, SameSite cookie. */
  async start(user: User, res: FastifyReply): Promise<UserSession> {
    const token = randomBytes(32).toString('base64url');
    const hours = user.kind === 'student' ? STUDENT_SESSION_HOURS : this.config.SESSION_HOURS;
    const expiresAt = new Date(Date.now() + hours * 3600_000);
    const session = await this.ds
      .getRepository(UserSession)
      .save({ tokenHash: sha256(token), userId: user.id, expiresAt });
    res.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: hours * 3600, // seconds
    });
    return session;
  }

  async end(req: HavenRequest, res: FastifyReply): Promise<void> {
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

  /** Loads the actor of a session just started (after sign-in, within the same request). */
  async actorForUser(userId: string, sessionId: string): Promise<Actor | null> {
    const [row] = await this.actorRows('haven_actor_by_session', 's.id = $1', sessionId);
    return row && row.user_id === userId ? actorOf(row) : null;
  }

  /**
   * Sessions, their users (unless disabled) and the users' role grants, in one query: a cold start of a
   * classroom signs in thirty students at once.
   */
  private actorRows(name: string, where: string, value: string | readonly string[]): Promise<ActorRow[]> {
    return preparedQuery<ActorRow>(
      this.ds,
      name,
      `SELECT s.token_hash, s.id AS session_id, s.expires_at, u.id AS user_id, u.kind, u.display_name, u.preferred_language,
              (SELECT coalesce(json_agg(json_build_array(g.role, g.district_id, g.school_id)), '[]'::json)
                 FROM role_grant g WHERE g.user_id = u.id) AS grants
         FROM user_session s JOIN app_user u ON u.id = s.user_id AND u.disabled_at IS NULL
        WHERE ${where}`,
      [value],
    );
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
    this.actors.update((entry) =>
      entry && entry.actor.userId === actor.userId
        ? { ...entry, actor: { ...entry.actor, preferredLanguage: actor.preferredLanguage } }
        : entry,
    );
  }

  private async lookup(token: string | undefined): Promise<Actor | null> {
    if (!token) return null;
    const key = sha256(token);
    const entry = await this.actors.get(key, (why) => this.loadActor(key, why));
    if (!entry || entry.sessionExpires < Date.now()) {
      this.actors.delete(key);
      return null;
    }
    return entry.actor;
  }

  /** The callers of many sessions (by token hash), in the order asked; null where there is none. */
  private async loadActors(
    hashes: readonly string[],
  ): Promise<({ actor: Actor; sessionExpires: number } | null)[]> {
    const rows = await this.actorRows('haven_actors_by_tokens', 's.token_hash = ANY($1::text[])', hashes);
    const byHash = new Map(rows.map((row) => [row.token_hash, row]));
    return hashes.map((hash) => {
      const row = byHash.get(hash);
      return row ? { actor: actorOf(row), sessionExpires: new Date(row.expires_at).getTime() } : null;
    });
  }
}
