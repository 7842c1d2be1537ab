import { Redirect, Route, Switch } from 'wouter';
import { NotFoundPage } from '../layout/components/not-found-page';
import { AssignmentProgressPage } from './components/assignment-progress-page';
import { AssignmentsOverviewPage } from './components/assignments-overview-page';
import { ClassDetailPage } from './components/class-detail-page';
import { FacilitationPage } from './components/facilitation-page';
import { FacilitatorDirectoryPage } from '../facilitators/components/facilitator-directory-page';
import { FacilitatorProfilePage } from './components/facilitator-profile-page';
import { MyTrainingPage } from './components/my-training-page';
import { ParentLetterPage } from './components/parent-letter-page';
import { TeacherClassesPage } from './components/teacher-classes-page';

/** Everything under /teacher. Loaded on demand: students never download it. */
export function TeacherArea() {
  return (
    <Switch>
      <Route path="/teacher" component={TeacherClassesPage} />
      <Route path="/teacher/classes/:id" component={ClassDetailPage} />
      <Route path="/teacher/classes/:classId/assignments/:assignmentId" component={AssignmentProgressPage} />
      <Route
        path="/teacher/classes/:classId/assignments/:assignmentId/letter/:lang"
        component={ParentLetterPage}
      />
      <Route
        path="/teacher/classes/:classId/assignments/:assignmentId/teach/:lessonId"
        component={FacilitationPage}
      />
      <Route path="/teacher/assignments" component={AssignmentsOverviewPage} />
      {/* The progress overview is the assignments overview: where each class stands on each module. */}
      <Route path="/teacher/progress">
        <Redirect to="/teacher/assignments" replace />
      </Route>
      <Route path="/teacher/training" component={MyTrainingPage} />
      <Route path="/teacher/profile" component={FacilitatorProfilePage} />
      <Route path="/teacher/facilitators" component={FacilitatorDirectoryPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
