import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { Logger } from '@nestjs/common';

/** Error codes a client may see. Anything else is reported as INTERNAL_SERVER_ERROR with a generic message. */
export const CLIENT_ERROR_CODES = [
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'TOO_MANY_ATTEMPTS',
  'QUERY_TOO_COMPLEX',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export function appError(
  code: ClientErrorCode,
  message: string,
  details?: Record<string, unknown>,
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(details ? { details } : {}) } });
}

export const notFound = (what: string): GraphQLError => appError('NOT_FOUND', `${what} was not found.`);
export const unauthenticated = (): GraphQLError => appError('UNAUTHENTICATED', 'Sign in to continue.');
export const forbidden = (): GraphQLError => appError('FORBIDDEN', 'You do not have access to this.');
export const badInput = (message: string, details?: Record<string, unknown>): GraphQLError =>
  appError('BAD_USER_INPUT', message, details);

const logger = new Logger('GraphQL');

/** Maps Nest's HTTP exceptions to GraphQL codes. */
const HTTP_STATUS_CODES: Record<number, ClientErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'TOO_MANY_ATTEMPTS',
};

/**
 * Shapes every error sent to a client: known codes keep their message; anything unexpected becomes a generic
 * message (the details are logged on the server). Stack traces never leave the server.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  let code = formatted.extensions?.code as string | undefined;
  const status = (original as { status?: number } | undefined)?.status;
  if (status && HTTP_STATUS_CODES[status]) code = HTTP_STATUS_CODES[status];
  if (code && (CLIENT_ERROR_CODES as readonly string[]).includes(code)) {
    let message = formatted.message;
    const response = (original as { response?: { message?: unknown } } | undefined)?.response;
    if (status === 400 && Array.isArray(response?.message)) message = response.message.join('; ');
    const details = formatted.extensions?.details;
    return {
      message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code, ...(details ? { details } : {}) },
    };
  }
  logger.error(`${formatted.message}${original?.stack ? `\n${original.stack}` : ''}`);
  return {
    message: 'Something went wrong on our side. Please try again.',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
