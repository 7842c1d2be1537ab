import { useTranslation } from 'react-i18next';

export interface ContentChangeView {
  label: string;
  change: string;
  before: string | null;
  after: string | null;
  parts: { value: string; added: boolean; removed: boolean }[] | null;
}

/**
 * Content changes between two versions of a module, one per lesson block, node, item or field, with a word diff
 * for changed text. Insertions and deletions are marked by element (ins/del: announced and underlined or struck
 * through), not by colour alone.
 */
export function ChangeList({ changes }: { changes: readonly ContentChangeView[] }) {
  const { t } = useTranslation();
  return (
    <ul className="change-list">
      {changes.map((c, i) => (
        <li key={i}>
          <p>
            <strong>{t(`catalog.change.${c.change}`)}</strong>: {c.label}
          </p>
          {c.parts ? (
            <p className="diff">
              {c.parts.map((p, j) =>
                p.added ? (
                  <ins key={j}>{p.value}</ins>
                ) : p.removed ? (
                  <del key={j}>{p.value}</del>
                ) : (
                  <span key={j}>{p.value}</span>
                ),
              )}
            </p>
          ) : (
            (c.after ?? c.before) && <p className="diff">{c.after ?? c.before}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
