import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../layout/components/not-found-page';
import { SafeguardingPage } from './components/safeguarding-page';

/** Everything under /safeguarding (designated staff). Loaded on demand: students never download it. */
export function SafeguardingArea() {
  return (
    <Routes>
      <Route index element={<SafeguardingPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
