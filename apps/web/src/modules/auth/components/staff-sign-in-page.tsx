import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { SignInDocument } from '../../../gql/graphql';
import { TextField } from '../../layout/components/text-field';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { useCompleteSignIn } from '../hooks/use-complete-sign-in';
import { signInProblemOf, type SignInProblem } from '../sign-in-problem';

type FormProblem = SignInProblem | 'missing';

const MESSAGE: Record<FormProblem, string> = {
  missing: 'signIn.staff.missing',
  incorrect: 'signIn.staff.incorrect',
  tooManyAttempts: 'signIn.tooManyAttempts',
  unavailable: 'signIn.unavailable',
};

export function StaffSignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.staff.title'));
  const completeSignIn = useCompleteSignIn();
  const [signIn, { loading }] = useMutation(SignInDocument);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (loading) return;
    setAttempt((n) => n + 1);
    if (!email.trim() || !password) {
      setProblem('missing');
      (email.trim() ? passwordRef : emailRef).current?.focus();
      return;
    }
    setProblem(null);
    try {
      const result = await signIn({ variables: { input: { email: email.trim(), password } } });
      if (!result.data) throw new Error('No data');
      await completeSignIn(result.data.signIn);
    } catch (error) {
      setPassword('');
      setProblem(signInProblemOf(error));
      passwordRef.current?.focus();
    }
  }

  return (
    <div className="auth">
      <section className="panel auth__panel" aria-labelledby="staff-sign-in-title">
        <h1 id="staff-sign-in-title">{t('signIn.staff.title')}</h1>
        <p>{t('signIn.staff.intro')}</p>
        {problem && (
          <p key={attempt} className="notice notice--error" role="alert">
            {t(MESSAGE[problem])}
          </p>
        )}
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <TextField
            label={t('signIn.staff.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            invalid={problem === 'missing' && !email.trim()}
            inputRef={emailRef}
          />
          <TextField
            label={t('signIn.staff.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            invalid={problem === 'missing' && !password}
            inputRef={passwordRef}
          />
          <button
            type="submit"
            className="button button--primary button--block"
            aria-busy={loading || undefined}
          >
            {t('signIn.submit')}
          </button>
          <p className="status" role="status">
            {loading ? t('signIn.signingIn') : ''}
          </p>
        </form>
        <p className="auth__switch">
          <Link to="/student/signin">{t('signIn.staff.studentLink')}</Link>
        </p>
      </section>
    </div>
  );
}
