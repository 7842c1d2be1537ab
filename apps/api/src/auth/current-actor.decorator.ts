import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from './actor';
import type { GqlContext } from './request-context';

/** The caller's Actor (null when not signed in), as resolved by PolicyGuard for this request. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor | null => {
    const { req } = GqlExecutionContext.create(context).getContext<GqlContext>();
    return req.actor ?? null;
  },
);
