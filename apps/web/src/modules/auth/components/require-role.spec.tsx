import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  DISTRICT_ADMIN,
  renderApp,
  signedInAs,
  TEACHER,
  viewer,
  type Resolver,
} from '../../../testing/render-app';

const noClasses: Resolver = () => ({ data: { myClasses: [] } });
const teacherClasses: Resolver = () => ({ data: { classes: [] } });

describe('route guard', () => {
  it.each([
    ['/teacher', '/signin'],
    ['/teacher/classes/c-7', '/signin'],
    ['/district', '/signin'],
    ['/school', '/signin'],
    ['/studio', '/signin'],
    ['/student', '/student/signin'],
  ])('sends a signed-out visitor from %s to %s', async (path, signIn) => {
    const { location } = renderApp(path, { Me: signedInAs(null) });
    await waitFor(() => expect(location.pathname).toBe(signIn));
    expect(location.state).toEqual({ from: path });
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('shows the safety bar on student pages even while checking the session', () => {
    renderApp('/student', { Me: signedInAs(null) });
    expect(screen.getByTestId('quick-exit')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Loading…');
  });

  it('tells a signed-in user without the role that they have no access', async () => {
    renderApp('/district', { Me: signedInAs(TEACHER) });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to your home page' }).getAttribute('href')).toBe('/teacher');
    // Still signed in, with a way out.
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('keeps staff out of the student area and students out of staff areas', async () => {
    renderApp('/student', { Me: signedInAs(DISTRICT_ADMIN) });
    expect(await screen.findByRole('heading', { name: 'You do not have access to this page' })).toBeTruthy();

    screen.getByRole('button', { name: 'Sign out' }); // sanity: the header is there
  });

  it('keeps a student out of the teacher area, with the safety bar still absent from staff layout', async () => {
    renderApp('/teacher', { Me: signedInAs(viewer()) });
    expect(await screen.findByRole('heading', { name: 'You do not have access to this page' })).toBeTruthy();
  });

  it('lets the right role in, with the header showing who is signed in', async () => {
    renderApp('/teacher', { Me: signedInAs(TEACHER), TeacherClasses: teacherClasses });
    expect(await screen.findByRole('heading', { level: 1, name: 'My classes' })).toBeTruthy();
    expect(screen.getByText('Signed in as Jordan Lee')).toBeTruthy();
    expect(screen.queryByTestId('quick-exit')).toBeNull();
  });

  it('sends a signed-in visitor from the landing page to their home', async () => {
    const { location } = renderApp('/', { Me: signedInAs(viewer()), MyClasses: noClasses });
    await waitFor(() => expect(location.pathname).toBe('/student'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Hi, Maya!' })).toBeTruthy();
  });

  it('shows the landing page to a signed-out visitor, with both ways to sign in', async () => {
    renderApp('/', { Me: signedInAs(null) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to Haven' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /^Student sign-in/ }).getAttribute('href')).toBe(
      '/student/signin',
    );
    expect(screen.getByRole('link', { name: /^Staff sign-in/ }).getAttribute('href')).toBe('/signin');
    expect(screen.getByTestId('quick-exit')).toBeTruthy();
  });

  it('offers a retry when the session check fails, without unmounting on refetch', async () => {
    let fail = true;
    renderApp('/teacher', {
      Me: () => (fail ? new TypeError('Failed to fetch') : { data: { me: TEACHER } }),
      TeacherClasses: teacherClasses,
    });
    const retry = await screen.findByRole('button', { name: 'Try again' });
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findByRole('heading', { level: 1, name: 'My classes' })).toBeTruthy();
  });
});
