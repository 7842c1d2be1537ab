import { TextDecoder, TextEncoder } from 'node:util';
import { configure } from '@testing-library/react';
import { i18n } from '../i18n/i18n';
import { loadStaffStrings } from '../i18n/load-staff-strings';

// jsdom lacks these, which browsers have: @haven/curriculum (in the studio editors) encodes and decodes text.
Object.assign(globalThis, { TextEncoder, TextDecoder });
// jsdom does not lay out pages, so scrolling is a no-op here.
window.scrollTo = () => undefined;

// findBy… and waitFor give up after 1 s by default: on a busy 2-core CI machine a lazy area and its queries
// can take longer to appear. What they wait for is unchanged.
configure({ asyncUtilTimeout: 5000 });

// The app adds the staff texts when a staff area opens; specs render staff components on their own.
beforeAll(() => loadStaffStrings());

beforeEach(async () => {
  window.localStorage.clear();
  window.sessionStorage.clear();
  document.documentElement.className = '';
  await i18n.changeLanguage('en');
});

// jsdom has no canvas: the chart.js drawing is replaced by its label; the figures stay in the chart's table.
jest.mock('../modules/district/components/bar-chart', () => ({
  BarChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));
