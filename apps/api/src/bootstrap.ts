import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { HavenConfig } from './config/config';

export interface CreateAppOptions {
  config: HavenConfig;
  databaseUrl: string;
  /** The built web app to serve at `/` (index.html + assets); skipped when absent. */
  webDir?: string;
  logger?: false | ('error' | 'warn' | 'log')[];
}

/** Builds the Nest application: GraphQL at /graphql, /healthz, and the web app for every other GET. */
export async function createApp(options: CreateAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config: options.config, databaseUrl: options.databaseUrl }),
    { logger: options.logger ?? ['error', 'warn', 'log'], abortOnError: false },
  );
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(cookieParser());
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  });
  const webDir = options.webDir;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    app.useStaticAssets(webDir, { index: false, maxAge: '1h' });
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (
        req.method !== 'GET' ||
        req.path.startsWith('/graphql') ||
        req.path.startsWith('/exports/') ||
        req.path === '/healthz'
      )
        return next();
      if (req.path.startsWith('/assets/')) return res.status(404).end();
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      );
      res.sendFile(join(webDir, 'index.html'));
    });
  } else if (webDir) {
    new Logger('Web').warn(`No built web app in ${webDir}; run npm run build`);
  }
  app.enableShutdownHooks();
  await app.init();
  return app;
}
