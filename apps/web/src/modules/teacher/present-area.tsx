import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../layout/components/not-found-page';
import { ProjectorPage } from './components/projector-page';

/** Everything under /present: the projector view of facilitation mode (staff only, no app chrome). */
export function PresentArea() {
  return (
    <Routes>
      <Route path=":assignmentId/:moduleId/:version/:lessonId" element={<ProjectorPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
