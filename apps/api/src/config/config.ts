import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

function toBool(value: unknown): unknown {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === '1' || value === true) return true;
  if (value === 'false' || value === '0' || value === false) return false;
  return value;
}

/** Every setting Haven reads from the environment, validated at boot. */
export class HavenConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt({ message: 'PORT must be a whole number from 1 to 65535' })
  @Min(1, { message: 'PORT must be a whole number from 1 to 65535' })
  @Max(65535, { message: 'PORT must be a whole number from 1 to 65535' })
  PORT = 3000;

  /** A PostgreSQL connection URL. When absent, Haven runs its embedded PGlite database. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, {
    message: 'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/haven',
  })
  DATABASE_URL?: string;

  /** Folder of the embedded database (used only without DATABASE_URL). */
  @IsString()
  @MinLength(1, { message: 'HAVEN_DATA_DIR must not be empty' })
  HAVEN_DATA_DIR = '.haven/data';

  /** Folder of curriculum modules loaded into the catalog at start. */
  @IsString()
  @MinLength(1, { message: 'HAVEN_CURRICULA_DIR must not be empty' })
  HAVEN_CURRICULA_DIR = 'curricula';

  /** Seed the demo district into an empty database (default: on for the embedded database). */
  @IsOptional()
  @Transform(({ value }) => toBool(value))
  @IsBoolean({ message: 'HAVEN_SEED_DEMO must be true or false' })
  HAVEN_SEED_DEMO?: boolean;

  /** Mark the session cookie Secure (on by default in production). */
  @IsOptional()
  @Transform(({ value }) => toBool(value))
  @IsBoolean({ message: 'COOKIE_SECURE must be true or false' })
  COOKIE_SECURE?: boolean;

  /** Hours a staff session stays valid without use. */
  @Transform(({ value }) => (value === undefined || value === '' ? 12 : Number(value)))
  @IsInt({ message: 'SESSION_HOURS must be a whole number of hours from 1 to 168' })
  @Min(1, { message: 'SESSION_HOURS must be a whole number of hours from 1 to 168' })
  @Max(168, { message: 'SESSION_HOURS must be a whole number of hours from 1 to 168' })
  SESSION_HOURS = 12;

  get embedded(): boolean {
    return !this.DATABASE_URL;
  }

  get seedDemo(): boolean {
    return this.HAVEN_SEED_DEMO ?? this.embedded;
  }

  get cookieSecure(): boolean {
    return this.COOKIE_SECURE ?? this.NODE_ENV === 'production';
  }
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError whose message is one line naming the setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HavenConfig {
  const known = Object.keys(new HavenConfig());
  const raw: Record<string, unknown> = {};
  for (const key of [...known, 'DATABASE_URL', 'HAVEN_SEED_DEMO', 'COOKIE_SECURE']) {
    if (env[key] !== undefined) raw[key] = env[key];
  }
  const config = plainToInstance(HavenConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    const message = Object.values(first.constraints ?? {})[0] ?? `${first.property} is invalid`;
    const shown =
      first.property === 'DATABASE_URL' ? '' : ` (got "${String(raw[first.property] ?? first.value)}")`;
    throw new ConfigError(`Configuration error: ${message}${shown}`);
  }
  return config;
}
