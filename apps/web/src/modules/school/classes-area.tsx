import { Route, Switch } from 'wouter';
import { NotFoundPage } from '../layout/components/not-found-page';
import { ClassEditPage } from './components/class-edit-page';
import { ClassesPage } from './components/classes-page';

/** /school/classes: school admins and district admins create and edit classes by hand. */
export function ClassesArea() {
  return (
    <Switch>
      <Route path="/school/classes" component={ClassesPage} />
      <Route path="/school/classes/:classId" component={ClassEditPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
