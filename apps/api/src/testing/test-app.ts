import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/config';
import { migrate } from '../database/database';
import { startEmbeddedDatabase } from '../database/embedded';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; stacktrace?: unknown }; path?: string[] }[];
  headers: Record<string, string | string[] | undefined>;
}

export interface TestApp {
  app: INestApplication;
  ds: DataSource;
  url: string;
  /** A fresh cookie-keeping client. */
  agent(): TestAgent;
  gql<T = Record<string, unknown>>(
    agent: TestAgent,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

let counter = 0;

/** A database of its own for one test file: a new database on DATABASE_URL's server, or an in-memory PGlite. */
async function freshDatabase(): Promise<{ url: string; embedded: boolean; drop: () => Promise<void> }> {
  const external = process.env.DATABASE_URL;
  if (!external) {
    const db = await startEmbeddedDatabase();
    return { url: db.url, embedded: true, drop: () => db.stop() };
  }
  const name = `haven_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new Client({ connectionString: external });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(external);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    embedded: false,
    drop: async () => {
      const c = new Client({ connectionString: external });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Boots the real AppModule against a fresh, migrated database. */
export async function createTestApp(): Promise<TestApp> {
  const db = await freshDatabase();
  await migrate(db.url, db.embedded);
  const config = loadConfig({ NODE_ENV: 'test', ...(db.embedded ? {} : { DATABASE_URL: db.url }) });
  const app = await createApp({ config, databaseUrl: db.url, logger: false });
  const ds = app.get<DataSource>(getDataSourceToken());
  const http = app.getHttpServer();
  return {
    app,
    ds,
    url: db.url,
    agent: () => request.agent(http),
    async gql(agent, query, variables) {
      const res = await agent
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query, variables });
      return { status: res.status, data: res.body?.data, errors: res.body?.errors, headers: res.headers };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
