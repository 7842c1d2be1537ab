import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  DesignateSafeguardingStaffDocument,
  RemoveSafeguardingDesigneeDocument,
  SchoolSafeguardingStaffDocument,
} from '../../../gql/graphql';
import { Loading, QueryError } from '../../layout/components/status';
import { SelectField } from '../../layout/components/select-field';
import { TableRegion } from '../../layout/components/table-region';
import { TextField } from '../../layout/components/text-field';

/**
 * A school's designated safeguarding staff (counsellor, safeguarding lead), for its admins: who is named,
 * and naming or removing someone from the school's staff. These people are told at once when a student
 * asks to talk or a reflection may show a risk.
 */
export function SafeguardingStaffSection({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [userId, setUserId] = useState('');
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  const { data, error, refetch } = useQuery(SchoolSafeguardingStaffDocument, { variables: { schoolId } });
  const [designate, { loading: adding }] = useMutation(DesignateSafeguardingStaffDocument);
  const [remove, { loading: removing }] = useMutation(RemoveSafeguardingDesigneeDocument);

  if (!data) return error ? <QueryError error={error} onRetry={() => void refetch()} /> : <Loading />;
  const staff = data.schoolSafeguardingStaff;
  if (!staff) return null;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const person = staff.candidates.find((c) => c.userId === userId);
    if (!person) {
      setMessage({ kind: 'error', text: t('school.safeguarding.designees.pickFirst') });
      select.current?.focus();
      return;
    }
    try {
      await designate({ variables: { input: { schoolId, userId, title: title.trim() || null } } });
      setUserId('');
      setTitle('');
      setMessage({
        kind: 'info',
        text: t('school.safeguarding.designees.added', { name: person.displayName }),
      });
    } catch {
      setMessage({ kind: 'error', text: t('school.safeguarding.saveFailed') });
    }
  };

  const removeOne = async (designee: { userId: string; displayName: string }) => {
    try {
      await remove({ variables: { input: { schoolId, userId: designee.userId } } });
      setMessage({
        kind: 'info',
        text: t('school.safeguarding.designees.removed', { name: designee.displayName }),
      });
    } catch {
      setMessage({ kind: 'error', text: t('school.safeguarding.saveFailed') });
    }
  };

  return (
    <section
      className="section safeguarding-staff"
      aria-labelledby={`${id}-title`}
      data-testid="safeguarding-staff"
    >
      <h3 id={`${id}-title`}>{t('school.safeguarding.designees.title')}</h3>
      <p>{t('school.safeguarding.designees.intro')}</p>
      <div role="status" aria-live="polite">
        {message?.kind === 'info' && <p className="notice notice--info">{message.text}</p>}
      </div>
      {message?.kind === 'error' && (
        <p className="notice notice--error" role="alert">
          {message.text}
        </p>
      )}
      {staff.designees.length === 0 ? (
        <p className="notice notice--warning">{t('school.safeguarding.designees.none')}</p>
      ) : (
        <TableRegion label={t('school.safeguarding.designees.caption', { name: staff.schoolName })}>
          <table>
            <caption>{t('school.safeguarding.designees.caption', { name: staff.schoolName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('school.safeguarding.designees.name')}</th>
                <th scope="col">{t('school.safeguarding.designees.role')}</th>
                <th scope="col">{t('school.safeguarding.designees.email')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {staff.designees.map((d) => (
                <tr key={d.userId}>
                  <th scope="row">{d.displayName}</th>
                  <td>{d.title ?? ''}</td>
                  <td>{d.email}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={removing}
                      onClick={() => void removeOne(d)}
                    >
                      {t('school.safeguarding.designees.remove', { name: d.displayName })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {staff.candidates.length === 0 ? (
        <p>{t('school.safeguarding.designees.noCandidates')}</p>
      ) : (
        <form className="inline-form" onSubmit={(e) => void add(e)} aria-labelledby={`${id}-add`}>
          <h4 id={`${id}-add`}>{t('school.safeguarding.designees.add')}</h4>
          <SelectField
            label={t('school.safeguarding.designees.person')}
            selectRef={select}
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
          >
            <option value="">{t('school.safeguarding.designees.choose')}</option>
            {staff.candidates.map((c) => (
              <option key={c.userId} value={c.userId}>
                {c.displayName}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('school.safeguarding.designees.titleLabel')}
            placeholder={t('school.safeguarding.designees.titlePlaceholder')}
            maxLength={100}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={adding}>
            {t('school.safeguarding.designees.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
