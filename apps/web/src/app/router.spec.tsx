import { lazy, Suspense } from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { AppRouter, isCurrentPath, NavLink, useLocationState } from './router';

describe('isCurrentPath', () => {
  it.each([
    ['/teacher', '/teacher', true, true],
    ['/teacher/classes/c-7', '/teacher', true, false],
    ['/teacher/assignments', '/teacher/assignments', false, true],
    ['/teacher/assignments/a-1', '/teacher/assignments', false, true],
    ['/Teacher/Assignments', '/teacher/assignments', false, true],
    ['/teacher/assignmentsx', '/teacher/assignments', false, false],
    ['/teacher', '/teacher/assignments', false, false],
  ])('%s against a link to %s (end: %s): %s', (pathname, to, end, current) => {
    expect(isCurrentPath(pathname, to, end)).toBe(current);
  });
});

describe('AppRouter', () => {
  it('marks the current page in a navigation and follows the location', () => {
    window.history.replaceState(null, '', '/teacher');
    render(
      <AppRouter>
        <nav>
          <NavLink to="/teacher" end>
            My classes
          </NavLink>
          <NavLink to="/teacher/assignments">Assignments</NavLink>
        </nav>
      </AppRouter>,
    );
    const home = screen.getByRole('link', { name: 'My classes' });
    const assignments = screen.getByRole('link', { name: 'Assignments' });
    expect(home.getAttribute('aria-current')).toBe('page');
    expect(home.className).toBe('active');
    expect(assignments.getAttribute('aria-current')).toBeNull();
    expect(assignments.getAttribute('class')).toBeNull();

    fireEvent.click(assignments);
    expect(window.location.pathname).toBe('/teacher/assignments');
    expect(home.getAttribute('aria-current')).toBeNull();
    expect(assignments.getAttribute('aria-current')).toBe('page');
  });

  it("hands a link's state to the next page, adds no history entry for the page shown, and follows Back", async () => {
    window.history.replaceState(null, '', '/a');
    function Here() {
      const [path] = useLocation();
      return <p data-testid="here">{`${path} ${JSON.stringify(useLocationState())}`}</p>;
    }
    render(
      <AppRouter>
        <Link to="/a">A</Link>
        <Link to="/b" state={{ from: '/a' }}>
          B
        </Link>
        <Here />
      </AppRouter>,
    );
    const here = screen.getByTestId('here');
    const entries = window.history.length;
    fireEvent.click(screen.getByRole('link', { name: 'A' }));
    expect(window.history.length).toBe(entries);

    fireEvent.click(screen.getByRole('link', { name: 'B' }));
    expect(window.history.length).toBe(entries + 1);
    expect(here.textContent).toBe('/b {"from":"/a"}');

    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    expect(here.textContent).toBe('/a null');
  });

  it("keeps the page on screen, location included, while the next page's code loads", async () => {
    window.history.replaceState(null, '', '/home');
    let load: (page: { default: () => React.JSX.Element }) => void = () => undefined;
    const Lesson = lazy(
      () => new Promise<{ default: () => React.JSX.Element }>((resolve) => (load = resolve)),
    );
    function Where() {
      return <p data-testid="where">{useLocation()[0]}</p>;
    }
    render(
      <AppRouter>
        <Where />
        <Suspense fallback={<p>Loading…</p>}>
          <Switch>
            <Route path="/home">
              <Link to="/lesson">Open the lesson</Link>
            </Route>
            <Route path="/lesson" component={Lesson} />
          </Switch>
        </Suspense>
      </AppRouter>,
    );
    fireEvent.click(screen.getByRole('link', { name: 'Open the lesson' }));
    expect(window.location.pathname).toBe('/lesson');
    expect(screen.getByRole('link', { name: 'Open the lesson' })).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByTestId('where').textContent).toBe('/home');

    await act(async () => load({ default: () => <h1>The lesson</h1> }));
    expect(screen.getByRole('heading', { name: 'The lesson' })).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('/lesson');
  });
});
