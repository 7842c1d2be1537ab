import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** What we tell someone whose sign-in failed. Never which part was wrong, never the raw server text. */
export type SignInProblem = 'incorrect' | 'tooManyAttempts' | 'unavailable';

const CREDENTIAL_CODES = new Set(['UNAUTHENTICATED', 'BAD_USER_INPUT', 'FORBIDDEN']);

export function signInProblemOf(error: unknown): SignInProblem {
  if (CombinedGraphQLErrors.is(error)) {
    const codes = error.errors.map((e) => String(e.extensions?.['code'] ?? ''));
    if (
      codes.includes('TOO_MANY_ATTEMPTS') ||
      error.errors.some((e) => e.message.includes('TOO_MANY_ATTEMPTS'))
    ) {
      return 'tooManyAttempts';
    }
    if (codes.some((code) => CREDENTIAL_CODES.has(code))) return 'incorrect';
    return 'unavailable';
  }
  if (ServerError.is(error) && error.statusCode === 429) return 'tooManyAttempts';
  return 'unavailable';
}
