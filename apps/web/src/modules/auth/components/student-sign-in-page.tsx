import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { StudentSignInDocument } from '../../../gql/graphql';
import { TextField } from '../../layout/components/text-field';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { useCompleteSignIn } from '../hooks/use-complete-sign-in';
import { signInProblemOf, type SignInProblem } from '../sign-in-problem';

type FormProblem = SignInProblem | 'missing';

const MESSAGE: Record<FormProblem, string> = {
  missing: 'signIn.student.missing',
  incorrect: 'signIn.student.incorrect',
  tooManyAttempts: 'signIn.tooManyAttempts',
  unavailable: 'signIn.unavailable',
};

type Field = 'schoolCode' | 'username' | 'secret';

/** Student sign-in for ages 8-18: three short fields, big targets, plain words. */
export function StudentSignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.student.title'));
  const completeSignIn = useCompleteSignIn();
  const [signIn, { loading }] = useMutation(StudentSignInDocument);
  const [values, setValues] = useState<Record<Field, string>>({ schoolCode: '', username: '', secret: '' });
  const [showSecret, setShowSecret] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const schoolCodeRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const secretRef = useRef<HTMLInputElement>(null);

  const set = (field: Field) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const missing = (field: Field) => problem === 'missing' && !values[field].trim();

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (loading) return;
    setAttempt((n) => n + 1);
    const empty = (['schoolCode', 'username', 'secret'] as const).find((field) => !values[field].trim());
    if (empty) {
      setProblem('missing');
      ({ schoolCode: schoolCodeRef, username: usernameRef, secret: secretRef })[empty].current?.focus();
      return;
    }
    setProblem(null);
    try {
      const result = await signIn({
        variables: {
          input: {
            schoolCode: values.schoolCode.trim().toUpperCase(),
            username: values.username.trim(),
            secret: values.secret,
          },
        },
      });
      if (!result.data) throw new Error('No data');
      await completeSignIn(result.data.studentSignIn);
    } catch (error) {
      setValues((current) => ({ ...current, secret: '' }));
      setProblem(signInProblemOf(error));
      secretRef.current?.focus();
    }
  }

  return (
    <div className="auth auth--student">
      <section className="panel auth__panel" aria-labelledby="student-sign-in-title">
        <h1 id="student-sign-in-title">{t('signIn.student.title')}</h1>
        <p>{t('signIn.student.intro')}</p>
        {problem && (
          <p key={attempt} className="notice notice--error" role="alert">
            {t(MESSAGE[problem])}
          </p>
        )}
        <form noValidate onSubmit={(event) => void onSubmit(event)} className="form--large">
          <TextField
            label={t('signIn.student.schoolCode')}
            name="schoolCode"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            value={values.schoolCode}
            onChange={set('schoolCode')}
            invalid={missing('schoolCode')}
            inputRef={schoolCodeRef}
          />
          <TextField
            label={t('signIn.student.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={values.username}
            onChange={set('username')}
            invalid={missing('username')}
            inputRef={usernameRef}
          />
          <TextField
            label={t('signIn.student.secret')}
            name="secret"
            type={showSecret ? 'text' : 'password'}
            autoComplete="current-password"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={values.secret}
            onChange={set('secret')}
            invalid={missing('secret')}
            inputRef={secretRef}
          />
          <div className="check">
            <input
              id="show-secret"
              type="checkbox"
              checked={showSecret}
              onChange={(event) => setShowSecret(event.target.checked)}
            />
            <label htmlFor="show-secret">{t('signIn.student.showSecret')}</label>
          </div>
          <button
            type="submit"
            className="button button--primary button--block button--large"
            aria-busy={loading || undefined}
          >
            {t('signIn.submit')}
          </button>
          <p className="status" role="status">
            {loading ? t('signIn.signingIn') : ''}
          </p>
        </form>
        <p className="auth__help">{t('signIn.student.askTeacher')}</p>
        <p className="auth__switch">
          <Link to="/signin">{t('signIn.student.staffLink')}</Link>
        </p>
      </section>
    </div>
  );
}
