import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect } from 'wouter';
import { MeDocument } from '../../../gql/graphql';
import { Loading } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';

export function LandingPage() {
  const { t } = useTranslation();
  usePageTitle(null);
  const { data, error } = useQuery(MeDocument);

  if (data?.me) return <Redirect to={data.me.home} replace />;
  // If the API cannot be reached, still offer the way in rather than a blank page.
  if (!data && !error) return <Loading />;

  return (
    <div className="landing">
      <section className="landing__intro">
        <h1>{t('landing.title')}</h1>
        <p className="lead">{t('landing.intro')}</p>
      </section>
      <ul className="choice-list">
        <li>
          <Link className="choice" to="/student/signin">
            <span className="choice__title">{t('landing.studentTitle')}</span>
            <span className="choice__body">{t('landing.studentBody')}</span>
          </Link>
        </li>
        <li>
          <Link className="choice" to="/signin">
            <span className="choice__title">{t('landing.staffTitle')}</span>
            <span className="choice__body">{t('landing.staffBody')}</span>
          </Link>
        </li>
      </ul>
    </div>
  );
}
