import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
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
    if (policy === undefined) {
      this.logger.error(`Denied ${context.getClass().name}.${context.getHandler().name}: no policy declared`);
      throw forbidden();
    }
    const req: HavenRequest =
      context.getType<GqlContextType>() === 'graphql'
        ? GqlExecutionContext.create(context).getContext<{ req: HavenRequest }>().req
        : context.switchToHttp().getRequest<HavenRequest>();
    const actor = await this.sessions.actorOf(req);
    req.actor = actor;
    if (policy === 'public') return true;
    if (!actor) throw unauthenticated();
    if (policy === 'authenticated') return true;
    if (!hasRole(actor, ...policy)) throw forbidden();
    return true;
  }
}
