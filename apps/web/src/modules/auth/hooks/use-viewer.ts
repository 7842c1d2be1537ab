import { createContext, useContext } from 'react';
import type { ViewerFieldsFragment } from '../../../gql/graphql';

export type Viewer = ViewerFieldsFragment;

export const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in user. Only for components rendered behind the route guard. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer() is only available on signed-in pages');
  return viewer;
}
