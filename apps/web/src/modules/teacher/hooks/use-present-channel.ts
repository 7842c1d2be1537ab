import { useEffect, useRef } from 'react';

/** What the teacher's screen and the projector window tell each other (same browser, BroadcastChannel). */
export type PresentMessage =
  | { type: 'show'; block: number }
  | { type: 'hello' }
  | { type: 'timer'; remaining: number; running: boolean };

export function presentChannelName(assignmentId: string, lessonId: string): string {
  return `haven-present:${assignmentId}:${lessonId}`;
}

/**
 * A BroadcastChannel for one lesson of one assignment, open while the component is mounted. Returns a
 * `post` function; `onMessage` sees every message from the other window. Without BroadcastChannel (an old
 * browser) nothing is sent and each window works on its own.
 */
export function usePresentChannel(
  name: string,
  onMessage: (message: PresentMessage, reply: (message: PresentMessage) => void) => void,
): (message: PresentMessage) => void {
  const channel = useRef<BroadcastChannel | null>(null);
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  });
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return undefined;
    const c = new BroadcastChannel(name);
    c.onmessage = (e: MessageEvent<PresentMessage>) => handler.current(e.data, (m) => c.postMessage(m));
    channel.current = c;
    return () => {
      channel.current = null;
      c.close();
    };
  }, [name]);
  return (message) => channel.current?.postMessage(message);
}
