import { useLazyQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModuleVersionDiffDocument } from '../../../gql/graphql';
import { ChangeList } from '../../layout/components/change-list';
import { QueryError } from '../../layout/components/status';

/** Pick any two published versions of a module and see what changed in its content. */
export function VersionCompare({ moduleId, versions }: { moduleId: string; versions: readonly string[] }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(versions[1] ?? versions[0]!);
  const [to, setTo] = useState(versions[0]!);
  const [run, { data, error, loading, called }] = useLazyQuery(ModuleVersionDiffDocument);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run({ variables: { moduleId, from, to } });
  };
  const changes = data?.moduleVersionDiff ?? [];
  return (
    <section className="card" aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t('catalog.compare.title')}</h2>
      <form onSubmit={submit} className="compare-form">
        <div className="field">
          <label htmlFor="compare-from">{t('catalog.compare.from')}</label>
          <select id="compare-from" value={from} onChange={(e) => setFrom(e.target.value)}>
            {versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="compare-to">{t('catalog.compare.to')}</label>
          <select id="compare-to" value={to} onChange={(e) => setTo(e.target.value)}>
            {versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary" disabled={loading}>
          {t('catalog.compare.run')}
        </button>
      </form>
      {error && <QueryError error={error} />}
      <div aria-live="polite">
        {called && data && (
          <p>
            {changes.length === 0
              ? t('catalog.compare.same')
              : t('catalog.compare.count', { count: changes.length, from, to })}
          </p>
        )}
      </div>
      {changes.length > 0 && <ChangeList changes={changes} />}
    </section>
  );
}
