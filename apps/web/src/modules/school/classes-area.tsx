import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../layout/components/not-found-page';
import { ClassEditPage } from './components/class-edit-page';
import { ClassesPage } from './components/classes-page';

/** /school/classes: school admins and district admins create and edit classes by hand. */
export function ClassesArea() {
  return (
    <Routes>
      <Route index element={<ClassesPage />} />
      <Route path=":classId" element={<ClassEditPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
