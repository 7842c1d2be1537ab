import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { AskToTalkDocument } from '../../../gql/graphql';

/** The most a student may write (the API's limit too). */
export const TALK_MESSAGE_MAX = 2000;

type Stage = 'closed' | 'open' | 'sent';

/**
 * "I want to talk to someone": a calm, always-available way for a student to ask for a trusted adult at
 * school. The school's designated staff are told at once. The student is always told the same thing
 * ("a trusted adult will follow up"), whatever they wrote. It sits beside the safety bar (quick exit,
 * hotline), never instead of it, and never traps focus: it is a disclosure, not a dialog.
 */
export function TalkToSomeone({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const id = useId();
  const [stage, setStage] = useState<Stage>('closed');
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState(false);
  const [ask, { loading }] = useMutation(AskToTalkDocument);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const thanks = useRef<HTMLHeadingElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  useEffect(() => {
    if (stage === 'open') textarea.current?.focus();
    if (stage === 'sent') thanks.current?.focus();
  }, [stage]);

  const close = () => {
    setStage('closed');
    setFailed(false);
    // Back to the button that opened the form (after it renders again).
    setTimeout(() => opener.current?.focus(), 0);
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setFailed(false);
    const text = message.trim();
    try {
      await ask({ variables: { input: text ? { message: text } : {} } });
      setMessage('');
      setStage('sent');
    } catch {
      setFailed(true);
    }
  };

  return (
    <section className="talk" aria-labelledby={`${id}-title`} data-testid="talk-to-someone">
      {stage === 'sent' ? (
        <div role="status">
          <Heading id={`${id}-title`} ref={thanks} tabIndex={-1}>
            {t('student.talk.sentTitle')}
          </Heading>
          <p className="talk__answer">{t('student.talk.sent')}</p>
          <p>{t('student.talk.urgent')}</p>
        </div>
      ) : (
        <>
          <Heading id={`${id}-title`}>{t('student.talk.title')}</Heading>
          <p>{t('student.talk.intro')}</p>
          {stage === 'closed' ? (
            <button
              ref={opener}
              type="button"
              className="button button--secondary talk__open"
              onClick={() => setStage('open')}
            >
              {t('student.talk.open')}
            </button>
          ) : (
            <form
              className="talk__form"
              onSubmit={(e) => void send(e)}
              aria-label={t('student.talk.formTitle')}
            >
              <p>{t('student.talk.formIntro')}</p>
              <div className="field">
                <label htmlFor={`${id}-message`}>{t('student.talk.messageLabel')}</label>
                <p className="field__hint" id={`${id}-hint`}>
                  {t('student.talk.messageHint')}
                </p>
                <textarea
                  ref={textarea}
                  id={`${id}-message`}
                  rows={4}
                  maxLength={TALK_MESSAGE_MAX}
                  aria-describedby={`${id}-hint`}
                  value={message}
                  onChange={(e) => setMessage(e.target.value)}
                />
              </div>
              {failed && (
                <p className="notice notice--error" role="alert">
                  {t('student.talk.failed')}
                </p>
              )}
              <div className="talk__actions">
                <button type="submit" className="button button--primary" disabled={loading}>
                  {loading
                    ? t('student.talk.sending')
                    : failed
                      ? t('student.talk.retry')
                      : t('student.talk.send')}
                </button>
                <button type="button" className="button button--secondary" onClick={close}>
                  {t('student.talk.cancel')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </section>
  );
}
