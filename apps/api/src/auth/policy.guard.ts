import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { forbidden, unauthenticated } from '../common/errors';
import { hasRole } from './actor';
import { Policy, POLICY_KEY } from './policy.decorator';
import type { HavenRequest } from './request-context';
import { SessionService } from './session.service';

/**
 * The one place that decides who may call what. Every GraphQL operation and field resolver (and HTTP route)
 * must declare a policy with @Allow; without one the call is denied.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  private readonly logger = new Logger(PolicyGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<Policy | undefined>(POLICY_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const http = context.getType<GqlContextType>() !== 'graphql';
    // GraphQL callers get coded GraphQL errors; HTTP routes (health, exports) get 401/403 responses.
    const deny = (): Error => (http ? new ForbiddenException(forbidden().message) : forbidden());
    const signIn = (): Error =>
      http ? new UnauthorizedException(unauthenticated().message) : unauthenticated();
    if (policy === undefined) {
      this.logger.error(`Denied ${context.getClass().name}.${context.getHandler().name}: no policy declared`);
      throw deny();
    }
    const req: HavenRequest = http
      ? context.switchToHttp().getRequest<HavenRequest>()
      : GqlExecutionContext.create(context).getContext<{ req: HavenRequest }>().req;
    const actor = await this.sessions.actorOf(req);
    req.actor = actor;
    if (policy === 'public') return true;
    if (!actor) throw signIn();
    if (policy === 'authenticated') return true;
    if (!hasRole(actor, ...policy)) throw deny();
    return true;
  }
}
