import 'reflect-metadata';
import { buildSchema } from 'graphql';
import { Reflector } from '@nestjs/core';
import type { ExecutionContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESOLVERS } from '../app.module';
import { POLICY_KEY } from './policy.decorator';
import { PolicyGuard } from './policy.guard';
import type { SessionService } from './session.service';

// Metadata keys @nestjs/graphql writes on resolver methods (graphql.constants, not exported from its index).
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const RESOLVER_NAME_METADATA = 'graphql:resolver_name';
const RESOLVER_PROPERTY_METADATA = 'graphql:resolve_property';

interface Operation {
  type: string;
  field: string;
  resolver: string;
  method: string;
  policy: unknown;
}

/** Every GraphQL resolver method in the app, with its declared policy. */
function operations(): Operation[] {
  const out: Operation[] = [];
  for (const resolver of RESOLVERS) {
    const proto = resolver.prototype as unknown as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(proto)) {
      if (method === 'constructor') continue;
      const fn = proto[method] as object;
      const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, fn) as string | undefined;
      const isField = Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, fn) === true;
      if (!type && !isField) continue;
      const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, fn) as string | undefined) ?? method;
      out.push({
        type: isField ? 'field' : type!,
        field: name,
        resolver: resolver.name,
        method,
        policy: Reflect.getMetadata(POLICY_KEY, fn) ?? Reflect.getMetadata(POLICY_KEY, resolver),
      });
    }
  }
  return out;
}

describe('every GraphQL operation declares a policy', () => {
  const ops = operations();
  const schema = buildSchema(readFileSync(join(__dirname, '../../schema.gql'), 'utf8'));

  it('finds the resolvers', () => {
    expect(ops.length).toBeGreaterThan(10);
  });

  it.each(ops.map((o) => [`${o.resolver}.${o.method}`, o]))('%s has a policy', (_name, op) => {
    expect(op.policy).toBeDefined();
  });

  it.each(['Query', 'Mutation'])(
    'every %s field in schema.gql is served by a resolver with a policy',
    (typeName) => {
      const type = schema.getType(typeName) as { getFields(): Record<string, unknown> } | undefined;
      const fields = Object.keys(type?.getFields() ?? {});
      expect(fields.length).toBeGreaterThan(0);
      for (const field of fields) {
        const op = ops.find((o) => o.type === typeName && o.field === field);
        expect({ field, served: !!op, policy: op?.policy !== undefined }).toEqual({
          field,
          served: true,
          policy: true,
        });
      }
    },
  );
});

describe('PolicyGuard denies by default', () => {
  function contextFor(handler: () => void): ExecutionContext {
    return {
      getHandler: () => handler,
      getClass: () => class Anonymous {},
      getType: () => 'http',
      switchToHttp: () => ({ getRequest: () => ({ cookies: {} }) }),
    } as unknown as ExecutionContext;
  }
  const sessions = { actorOf: async () => null } as unknown as SessionService;

  it('refuses a handler with no declared policy', async () => {
    const guard = new PolicyGuard(new Reflector(), sessions);
    jest.spyOn(guard['logger'], 'error').mockImplementation(() => undefined);
    await expect(guard.canActivate(contextFor(function undeclared() {}))).rejects.toThrow(
      'You do not have access to this.',
    );
  });

  it('lets a public handler through and asks sign-in for an authenticated one', async () => {
    const guard = new PolicyGuard(new Reflector(), sessions);
    const open = function open(): void {};
    Reflect.defineMetadata(POLICY_KEY, 'public', open);
    await expect(guard.canActivate(contextFor(open))).resolves.toBe(true);
    const closed = function closed(): void {};
    Reflect.defineMetadata(POLICY_KEY, 'authenticated', closed);
    await expect(guard.canActivate(contextFor(closed))).rejects.toThrow('Sign in to continue.');
  });
});
