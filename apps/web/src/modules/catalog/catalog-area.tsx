import { Route, Switch } from 'wouter';
import { NotFoundPage } from '../layout/components/not-found-page';
import { CatalogListPage } from './components/catalog-list-page';
import { ModuleDetailPage } from './components/module-detail-page';

/** Everything under /catalog, for every staff area. Loaded on demand: students never download it. */
export function CatalogArea() {
  return (
    <Switch>
      <Route path="/catalog" component={CatalogListPage} />
      <Route path="/catalog/:moduleId" component={ModuleDetailPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
