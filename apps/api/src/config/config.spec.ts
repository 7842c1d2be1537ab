import { loadConfig } from './config';

describe('loadConfig', () => {
  it('uses safe defaults: embedded database, port 3000, demo seed on', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.embedded).toBe(true);
    expect(c.HAVEN_DATA_DIR).toBe('.haven/data');
    expect(c.seedDemo).toBe(true);
    expect(c.cookieSecure).toBe(false);
  });

  it('reads a real database URL and turns the demo seed off by default', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/haven', PORT: '8080' });
    expect(c.embedded).toBe(false);
    expect(c.seedDemo).toBe(false);
    expect(c.PORT).toBe(8080);
  });

  it.each([
    [{ PORT: 'abc' }, /^Configuration error: PORT must be a whole number from 1 to 65535 \(got "abc"\)$/],
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ DATABASE_URL: 'mysql://x' }, /^Configuration error: DATABASE_URL must be a PostgreSQL URL/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ HAVEN_SEED_DEMO: 'maybe' }, /HAVEN_SEED_DEMO must be true or false/],
    [{ SESSION_HOURS: '0' }, /SESSION_HOURS/],
  ])('stops on a bad value %j with one line naming it', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('does not echo a database URL that may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:secret@host/db' })).toThrow(/^(?!.*secret)/);
  });
});
