import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../layout/components/not-found-page';
import { CatalogListPage } from './components/catalog-list-page';
import { ModuleDetailPage } from './components/module-detail-page';

/** Everything under /catalog, for every staff area. Loaded on demand: students never download it. */
export function CatalogArea() {
  return (
    <Routes>
      <Route index element={<CatalogListPage />} />
      <Route path=":moduleId" element={<ModuleDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
