import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Loaders } from '../graphql/loaders';
import type { Actor } from './actor';

export interface HavenRequest extends FastifyRequest {
  /** Resolved once per request by SessionService: the signed-in caller, or null. */
  actorPromise?: Promise<Actor | null>;
  /** Set by PolicyGuard before any resolver runs. */
  actor?: Actor | null;
}

/** The GraphQL context of one request. */
export interface GqlContext {
  req: HavenRequest;
  res: FastifyReply;
  loaders: Loaders;
}

export const SESSION_COOKIE = 'haven_session';
