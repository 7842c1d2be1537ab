import axe from 'axe-core';
import { fireEvent, screen } from '@testing-library/react';
import { catalogModule, catalogModules } from '../modules/catalog/catalog-fixtures';
import { DISTRICT_ADMIN, renderApp, signedInAs, TEACHER, viewer, type Resolver } from '../testing/render-app';

// jsdom has no layout, so contrast is checked by computation in styles.css instead.
async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const noClasses: Resolver = () => ({ data: { myClasses: [] } });

describe('accessibility (axe-core)', () => {
  it('landing page', async () => {
    renderApp('/', { Me: signedInAs(null) });
    await screen.findByRole('heading', { level: 1 });
    expect(await violations()).toEqual([]);
  });

  it('student sign-in with the help panel open and an error shown', async () => {
    renderApp('/student/signin', {});
    fireEvent.click(screen.getByTestId('help-toggle'));
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('alert');
    expect(await violations()).toEqual([]);
  });

  it('student home', async () => {
    renderApp('/student', { Me: signedInAs(viewer()), MyClasses: noClasses });
    await screen.findByText(/not in a class yet/);
    expect(await violations()).toEqual([]);
  });

  it('staff sign-in', async () => {
    renderApp('/signin', {});
    expect(await violations()).toEqual([]);
  });

  it('teacher home', async () => {
    renderApp('/teacher', {
      Me: signedInAs(TEACHER),
      TeacherClasses: () => ({
        data: {
          classes: [
            {
              __typename: 'Class',
              id: 'c-7',
              name: 'Health 7',
              gradeLevels: [7],
              schoolYear: '2026-2027',
              studentCount: 2,
            },
          ],
        },
      }),
    });
    await screen.findByText('Health 7');
    expect(await violations()).toEqual([]);
  });

  it('district home', async () => {
    renderApp('/district', {
      Me: signedInAs(DISTRICT_ADMIN),
      DistrictSchools: () => ({
        data: {
          schools: [
            {
              __typename: 'School',
              id: 's-1',
              name: 'Bayside',
              code: 'BAYSIDE',
              classCount: 2,
              studentCount: 3,
            },
          ],
        },
      }),
    });
    await screen.findByRole('table');
    expect(await violations()).toEqual([]);
  });

  it('curriculum catalog, filtered to nothing', async () => {
    renderApp('/catalog?band=9-12', { Me: signedInAs(TEACHER), CatalogModules: catalogModules });
    await screen.findByText(/No modules match/);
    expect(await violations()).toEqual([]);
  });

  it('curriculum catalog list', async () => {
    renderApp('/catalog', { Me: signedInAs(TEACHER), CatalogModules: catalogModules });
    await screen.findByRole('link', { name: 'Real Friends, Fake Offers' });
    expect(await violations()).toEqual([]);
  });

  it('curriculum catalog module', async () => {
    renderApp('/catalog/online-safety-6-8', { Me: signedInAs(TEACHER), CatalogModule: catalogModule });
    await screen.findByRole('heading', { level: 1, name: 'Real Friends, Fake Offers' });
    expect(await violations()).toEqual([]);
  });
});
