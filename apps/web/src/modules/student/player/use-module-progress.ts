import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useApolloClient } from '@apollo/client/react';
import type { MyAssignmentQuery } from '../../../gql/graphql';
import type { SaveState } from '../progress/outbox';
import { useViewer } from '../../auth/hooks/use-viewer';
import { pageOutbox } from '../progress/outbox-runtime';
import { progressEvent, type NewProgressEvent } from '../progress/progress-event';
import {
  applyEvent,
  applyEvents,
  toProgress,
  type ModuleShape,
  type Progress,
} from '../progress/progress-state';
import { endingOf, playable } from '../progress/scenario-adapter';

export type StudentModule = NonNullable<MyAssignmentQuery['myAssignment']>;

export interface ModuleProgress {
  /** Null until the events this device still holds have been read. */
  readonly progress: Progress | null;
  readonly status: SaveState;
  /** Shows the event's effect at once and hands it to the outbox. */
  readonly record: (event: NewProgressEvent) => void;
  /** Set when the server refused something and the page went back to its record. */
  readonly resynced: boolean;
}

export function moduleShape(module: StudentModule): ModuleShape {
  return {
    steps: module.steps,
    endingOf: (scenarioId, path) => {
      const scenario = module.scenarios.find((s) => s.id === scenarioId);
      return scenario ? endingOf(playable(scenario), path) : null;
    },
  };
}

/**
 * The student's progress through one assignment: the server's record with the events still waiting on
 * this device replayed on top, so a reload (even offline) resumes exactly where they were.
 */
export function useModuleProgress(module: StudentModule): ModuleProgress {
  const client = useApolloClient();
  const studentId = useViewer().id;
  const outbox = useMemo(() => pageOutbox(client, studentId), [client, studentId]);
  const shape = useMemo(() => moduleShape(module), [module]);
  const assignmentId = module.assignmentId;
  const [progress, setProgress] = useState<Progress | null>(null);
  const [resynced, setResynced] = useState(false);

  useEffect(() => {
    let live = true;
    void outbox.load(assignmentId).then((pending) => {
      if (!live) return;
      setProgress(applyEvents(toProgress(module.progress), pending, shape));
      void outbox.flush();
    });
    return () => {
      live = false;
    };
  }, [outbox, assignmentId, module.progress, shape]);

  useEffect(
    () =>
      outbox.subscribe((update) => {
        if (update.assignmentId !== assignmentId) return;
        setProgress(applyEvents(toProgress(update.progress), outbox.pending(assignmentId), shape));
        if (update.rejected.length > 0) setResynced(true);
      }),
    [outbox, assignmentId, shape],
  );

  const status = useSyncExternalStore(
    useCallback((notify: () => void) => outbox.onStatus(notify), [outbox]),
    (): SaveState => (outbox.isRefused(assignmentId) ? 'refused' : outbox.status),
  );

  const record = useCallback(
    (fields: NewProgressEvent) => {
      const event = progressEvent(fields);
      setProgress((current) => (current ? applyEvent(current, event, shape) : current));
      void outbox.enqueue(assignmentId, event);
    },
    [outbox, assignmentId, shape],
  );

  return { progress, status, record, resynced };
}
