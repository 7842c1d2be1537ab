import fastifyCookie from '@fastify/cookie';
import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { UPLOAD_TYPES } from './common/uploads';
import { HavenConfig } from './config/config';

export interface CreateAppOptions {
  config: HavenConfig;
  databaseUrl: string;
  /** The built web app to serve at `/` (index.html + assets); skipped when absent. */
  webDir?: string;
  logger?: false | ('error' | 'warn' | 'log')[];
}

/** The largest request body other than an upload (GraphQL requests). */
const BODY_LIMIT = 1024 * 1024;

const SPA_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * Builds the Nest application on Fastify: GraphQL at /graphql, /healthz, the exports and uploads, and the web
 * app for every other GET. Fastify rather than Express: a submitted step costs the API a fifth to a quarter
 * less CPU (README, "Why these libraries").
 */
export async function createApp(options: CreateAppOptions): Promise<INestApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: 'loopback',
    bodyLimit: BODY_LIMIT,
    // Request logs would hold students' ids and IPs; Nest logs what matters.
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config: options.config, databaseUrl: options.databaseUrl }),
    adapter,
    { logger: options.logger ?? ['error', 'warn', 'log'], abortOnError: false },
  );
  await app.register(fastifyCookie);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (_req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    done();
  });
  // Uploads (zips) are left unread here: their route reads them after the policy guard let the caller in
  // (see common/uploads.ts), so nobody can make the server read 50 MB without signing in.
  fastify.addContentTypeParser(UPLOAD_TYPES, (_req, payload, done) => done(null, payload));

  const webDir = options.webDir;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    // Built files (hashed names) under /assets/; an unknown one is a 404, never the app.
    await app.register((await import('@fastify/static')).default, {
      root: join(webDir, 'assets'),
      prefix: '/assets/',
      index: false,
      maxAge: '1h',
    });
    // Every other GET is the single-page app, which routes in the browser.
    fastify.get('/*', async (req: FastifyRequest, reply: FastifyReply) => {
      const path = req.url.split('?')[0];
      if (
        path.startsWith('/graphql') ||
        path.startsWith('/exports/') ||
        path.startsWith('/imports/') ||
        path.startsWith('/media/')
      )
        return reply.callNotFound();
      return reply
        .header('Cache-Control', 'no-cache')
        .header('Content-Security-Policy', SPA_CSP)
        .type('text/html; charset=utf-8')
        .send(await readFile(join(webDir, 'index.html')));
    });
  } else if (webDir) {
    new Logger('Web').warn(`No built web app in ${webDir}; run npm run build`);
  }
  app.enableShutdownHooks();
  await app.init();
  await fastify.ready();
  return app;
}
