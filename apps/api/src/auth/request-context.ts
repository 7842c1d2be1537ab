import type { Request, Response } from 'express';
import type { Loaders } from '../graphql/loaders';
import type { Actor } from './actor';

export interface HavenRequest extends Request {
  /** Resolved once per request by SessionService: the signed-in caller, or null. */
  actorPromise?: Promise<Actor | null>;
  /** Set by PolicyGuard before any resolver runs. */
  actor?: Actor | null;
}

/** The GraphQL context of one request. */
export interface GqlContext {
  req: HavenRequest;
  res: Response;
  loaders: Loaders;
}

export const SESSION_COOKIE = 'haven_session';
