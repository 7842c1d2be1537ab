import { Navigate, Route, Routes } from 'react-router';
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
    <Routes>
      <Route index element={<TeacherClassesPage />} />
      <Route path="classes/:id" element={<ClassDetailPage />} />
      <Route path="classes/:classId/assignments/:assignmentId" element={<AssignmentProgressPage />} />
      <Route path="classes/:classId/assignments/:assignmentId/letter/:lang" element={<ParentLetterPage />} />
      <Route
        path="classes/:classId/assignments/:assignmentId/teach/:lessonId"
        element={<FacilitationPage />}
      />
      <Route path="assignments" element={<AssignmentsOverviewPage />} />
      {/* The progress overview is the assignments overview: where each class stands on each module. */}
      <Route path="progress" element={<Navigate to="/teacher/assignments" replace />} />
      <Route path="training" element={<MyTrainingPage />} />
      <Route path="profile" element={<FacilitatorProfilePage />} />
      <Route path="facilitators" element={<FacilitatorDirectoryPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
