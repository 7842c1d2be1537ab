import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { signInProblemOf } from './sign-in-problem';

const graphQLError = (code: string, message = 'x') =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions: { code } }] });

describe('signInProblemOf', () => {
  it('maps refused credentials to one generic problem', () => {
    expect(signInProblemOf(graphQLError('UNAUTHENTICATED', 'Email or password is incorrect.'))).toBe(
      'incorrect',
    );
    expect(signInProblemOf(graphQLError('BAD_USER_INPUT'))).toBe('incorrect');
  });

  it('recognises rate limiting by code, by message or by HTTP 429', () => {
    expect(signInProblemOf(graphQLError('TOO_MANY_ATTEMPTS'))).toBe('tooManyAttempts');
    expect(signInProblemOf(graphQLError('UNAUTHENTICATED', 'TOO_MANY_ATTEMPTS'))).toBe('tooManyAttempts');
    const tooMany = new ServerError('Too Many Requests', {
      response: { status: 429 } as Response,
      bodyText: '',
    });
    expect(signInProblemOf(tooMany)).toBe('tooManyAttempts');
  });

  it('treats server failures and network errors as "unavailable"', () => {
    expect(signInProblemOf(graphQLError('INTERNAL_SERVER_ERROR'))).toBe('unavailable');
    expect(signInProblemOf(new TypeError('Failed to fetch'))).toBe('unavailable');
  });
});
