import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { ModuleDocument } from '@haven/curriculum';
import { useCallback, useEffect, useRef, useState } from 'react';
import { SaveModuleDraftDocument, type DraftDetailFieldsFragment } from '../../../gql/graphql';

/** How long typing must pause before a draft is saved. */
export const AUTOSAVE_DELAY_MS = 1200;

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; message?: string }
  | {
      kind: 'conflict';
      revision: number;
      updatedBy: string | null;
      updatedAt: string | null;
      message: string;
    };

/**
 * Edits of a draft's document, saved automatically after a pause. Every save names the revision it was
 * edited from; when someone else saved in between, the server refuses and the state becomes `conflict`:
 * nothing is overwritten until the author chooses (take theirs, or save mine over theirs).
 */
export function useAutosave(draft: DraftDetailFieldsFragment, editable: boolean) {
  const [document, setDocument] = useState<ModuleDocument>(draft.document as unknown as ModuleDocument);
  const [state, setStateRaw] = useState<SaveState>({ kind: 'saved' });
  const stateRef = useRef<SaveState>(state);
  const setState = useCallback((next: SaveState) => {
    stateRef.current = next;
    setStateRaw(next);
  }, []);
  const base = useRef(draft.revision);
  const latest = useRef(document);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [save] = useMutation(SaveModuleDraftDocument);

  // A newer revision arrived from the server (after a save, a reload or a workflow step): adopt it unless the
  // author has unsaved edits.
  useEffect(() => {
    if (draft.revision !== base.current && !dirty.current) {
      base.current = draft.revision;
      latest.current = draft.document as unknown as ModuleDocument;
      setDocument(latest.current);
    }
  }, [draft.revision, draft.document]);

  const flush = useCallback(
    async (revision = base.current): Promise<void> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = undefined;
      if (!dirty.current) return;
      const sent = latest.current;
      setState({ kind: 'saving' });
      try {
        const r = await save({
          variables: { input: { id: draft.id, baseRevision: revision, document: sent } },
        });
        const saved = r.data?.saveModuleDraft;
        if (!saved) throw new Error('no data');
        base.current = saved.revision;
        if (latest.current === sent) {
          dirty.current = false;
          setState({ kind: 'saved' });
        } else setState({ kind: 'pending' });
      } catch (e) {
        const err = CombinedGraphQLErrors.is(e) ? e.errors[0] : undefined;
        if (err?.extensions?.['code'] === 'CONFLICT') {
          const d = (err.extensions['details'] ?? {}) as {
            revision?: number;
            updatedBy?: string;
            updatedAt?: string;
          };
          setState({
            kind: 'conflict',
            revision: d.revision ?? base.current,
            updatedBy: d.updatedBy ?? null,
            updatedAt: d.updatedAt ?? null,
            message: err.message,
          });
        } else {
          setState({
            kind: 'failed',
            message: err?.extensions?.['code'] === 'BAD_USER_INPUT' ? err.message : undefined,
          });
        }
      }
    },
    [draft.id, save, setState],
  );

  const change = useCallback(
    (next: ModuleDocument) => {
      if (!editable) return;
      latest.current = next;
      dirty.current = true;
      setDocument(next);
      if (stateRef.current.kind !== 'conflict') setState({ kind: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        // While a conflict is open, nothing is saved until the author chooses.
        if (stateRef.current.kind !== 'conflict') void flush();
      }, AUTOSAVE_DELAY_MS);
    },
    [editable, flush, setState],
  );

  // Save what is pending when the author leaves the page.
  useEffect(
    () => () => {
      if (timer.current && dirty.current) void flush();
    },
    [flush],
  );

  /** Conflict: keep my version, saved over the newer revision. */
  const keepMine = useCallback(
    (revision: number) => {
      base.current = revision;
      void flush(revision);
    },
    [flush],
  );

  /** Conflict: drop my unsaved edits and take the newer revision. */
  const takeTheirs = useCallback(
    (doc: ModuleDocument, revision: number) => {
      dirty.current = false;
      base.current = revision;
      latest.current = doc;
      setDocument(doc);
      setState({ kind: 'saved' });
    },
    [setState],
  );

  return { document, change, state, flush, keepMine, takeTheirs };
}
