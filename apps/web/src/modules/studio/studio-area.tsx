import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ComingSoon } from '../layout/components/status';
import { NotFoundPage } from '../layout/components/not-found-page';

/** Everything under /studio, where authors write modules and reviewers review them. Loaded on demand. */
export function StudioArea() {
  const { t } = useTranslation();
  return (
    <Routes>
      <Route
        index
        element={<ComingSoon title={t('studio.modules.title')} body={t('studio.modules.body')} />}
      />
      <Route
        path="reviews"
        element={<ComingSoon title={t('studio.reviews.title')} body={t('studio.reviews.body')} />}
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
