import { Route, Switch } from 'wouter';
import { NotFoundPage } from '../layout/components/not-found-page';
import { SafeguardingPage } from './components/safeguarding-page';

/** Everything under /safeguarding (designated staff). Loaded on demand: students never download it. */
export function SafeguardingArea() {
  return (
    <Switch>
      <Route path="/safeguarding" component={SafeguardingPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
