import { Route, Switch } from 'wouter';
import { NotFoundPage } from '../layout/components/not-found-page';
import { ProjectorPage } from './components/projector-page';

/** Everything under /present: the projector view of facilitation mode (staff only, no app chrome). */
export function PresentArea() {
  return (
    <Switch>
      <Route path="/present/:assignmentId/:moduleId/:version/:lessonId" component={ProjectorPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
