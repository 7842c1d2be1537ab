import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ComingSoon } from '../layout/components/status';
import { NotFoundPage } from '../layout/components/not-found-page';
import { AssignmentProgressPage } from './components/assignment-progress-page';
import { ClassDetailPage } from './components/class-detail-page';
import { FacilitationPage } from './components/facilitation-page';
import { FacilitatorDirectoryPage } from '../facilitators/components/facilitator-directory-page';
import { FacilitatorProfilePage } from './components/facilitator-profile-page';
import { MyTrainingPage } from './components/my-training-page';
import { ParentLetterPage } from './components/parent-letter-page';
import { TeacherClassesPage } from './components/teacher-classes-page';

/** Everything under /teacher. Loaded on demand: students never download it. */
export function TeacherArea() {
  const { t } = useTranslation();
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
      <Route
        path="assignments"
        element={<ComingSoon title={t('teacher.assignments.title')} body={t('teacher.assignments.body')} />}
      />
      <Route
        path="progress"
        element={<ComingSoon title={t('teacher.progress.title')} body={t('teacher.progress.body')} />}
      />
      <Route path="training" element={<MyTrainingPage />} />
      <Route path="profile" element={<FacilitatorProfilePage />} />
      <Route path="facilitators" element={<FacilitatorDirectoryPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
