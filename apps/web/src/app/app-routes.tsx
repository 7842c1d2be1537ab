import { lazy, type ComponentProps, type ComponentType } from 'react';
import { Route, Switch } from 'wouter';
import type { Role } from '@haven/domain';
import { loadStaffStrings, useStaffStrings } from '../i18n/load-staff-strings';
import { RequireRole } from '../modules/auth/components/require-role';
import { StaffSignInPage } from '../modules/auth/components/staff-sign-in-page';
import { StudentSignInPage } from '../modules/auth/components/student-sign-in-page';
import type { Viewer } from '../modules/auth/hooks/use-viewer';
import { LandingPage } from '../modules/landing/components/landing-page';
import { AppShell, type NavItem } from '../modules/layout/components/app-shell';
import { NotFoundPage } from '../modules/layout/components/not-found-page';
import { RouteAnnouncer } from '../modules/layout/components/route-announcer';
import { StudentHomePage } from '../modules/student/components/student-home-page';

/**
 * A staff area: its chunk and the staff texts (their own chunk, shared by all staff areas) load side by
 * side, and the area renders once both are there, so its first paint never shows a raw key.
 */
function staffArea<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return lazy(() => Promise.all([load(), loadStaffStrings()]).then(([m]) => ({ default: pick(m) })));
}

// Staff areas are separate chunks: a student downloads only the shell and the student pages.
const TeacherArea = staffArea(
  () => import('../modules/teacher/teacher-area'),
  (m) => m.TeacherArea,
);
const PresentArea = staffArea(
  () => import('../modules/teacher/present-area'),
  (m) => m.PresentArea,
);
const SchoolArea = staffArea(
  () => import('../modules/school/school-area'),
  (m) => m.SchoolArea,
);
const DistrictArea = staffArea(
  () => import('../modules/district/district-area'),
  (m) => m.DistrictArea,
);
const SchoolComplianceArea = staffArea(
  () => import('../modules/district/district-area'),
  (m) => m.SchoolComplianceArea,
);
const ClassesArea = staffArea(
  () => import('../modules/school/classes-area'),
  (m) => m.ClassesArea,
);
const StudioArea = staffArea(
  () => import('../modules/studio/studio-area'),
  (m) => m.StudioArea,
);
// The lesson player is its own chunk, loaded when a student opens a lesson.
const ModulePlayerPage = lazy(() =>
  import('../modules/student/player/module-player-page').then((m) => ({ default: m.ModulePlayerPage })),
);
const SafeguardingArea = staffArea(
  () => import('../modules/safeguarding/safeguarding-area'),
  (m) => m.SafeguardingArea,
);
const CatalogArea = staffArea(
  () => import('../modules/catalog/catalog-area'),
  (m) => m.CatalogArea,
);

/** Who manages classes by hand (the API allows the same roles). */
export const CLASS_MANAGER_ROLES: readonly Role[] = ['school_admin', 'district_admin', 'platform_admin'];

/** Staff who browse the curriculum catalog (the API allows the same roles). */
export const CATALOG_ROLES: readonly Role[] = [
  'teacher',
  'school_admin',
  'district_admin',
  'author',
  'reviewer',
  'platform_admin',
];

const CATALOG_NAV_ITEM: NavItem = { to: '/catalog', label: 'nav.catalog' };

export const TEACHER_NAV: readonly NavItem[] = [
  { to: '/teacher', label: 'teacher.nav.classes', end: true },
  { to: '/teacher/assignments', label: 'teacher.nav.assignments' },
  { to: '/teacher/training', label: 'teacher.nav.training' },
  { to: '/teacher/profile', label: 'teacher.nav.profile' },
  { to: '/teacher/facilitators', label: 'teacher.nav.facilitators' },
  CATALOG_NAV_ITEM,
];

export const SCHOOL_NAV: readonly NavItem[] = [
  { to: '/school', label: 'school.nav.overview', end: true },
  { to: '/school/classes', label: 'school.nav.classes' },
  { to: '/school/compliance', label: 'school.nav.compliance' },
  { to: '/school/rostering', label: 'school.nav.rostering' },
  CATALOG_NAV_ITEM,
];

export const DISTRICT_NAV: readonly NavItem[] = [
  { to: '/district', label: 'district.nav.schools', end: true },
  { to: '/district/compliance', label: 'district.nav.mandates' },
  { to: '/district/training', label: 'district.nav.training' },
  { to: '/district/report', label: 'district.nav.evidence' },
  { to: '/district/filings', label: 'district.nav.filings' },
  { to: '/district/facilitators', label: 'district.nav.facilitators' },
  { to: '/district/rostering', label: 'district.nav.rostering' },
  { to: '/school/classes', label: 'district.nav.classes' },
  CATALOG_NAV_ITEM,
];

export const STUDIO_NAV: readonly NavItem[] = [
  { to: '/studio', label: 'studio.nav.modules', end: true },
  { to: '/studio/reviews', label: 'studio.nav.reviews' },
  CATALOG_NAV_ITEM,
];

const NAV_BY_HOME: Readonly<Record<string, readonly NavItem[]>> = {
  '/teacher': TEACHER_NAV,
  '/school': SCHOOL_NAV,
  '/district': DISTRICT_NAV,
  '/studio': STUDIO_NAV,
};

/** Pages shared by several staff areas keep the navigation of the viewer's own home. */
export function navForHome(viewer: Viewer): readonly NavItem[] | undefined {
  return NAV_BY_HOME[viewer.home];
}

/**
 * The guard and layout of a staff area. Its navigation labels are staff texts: the navigation shows once
 * they are there (they load with the area, while the page shows "loading").
 */
function StaffLayout({ nav, ...props }: ComponentProps<typeof RequireRole>) {
  const ready = useStaffStrings();
  return <RequireRole {...props} nav={ready ? nav : undefined} />;
}

/** A staff area's route: every page under `path`, for staff with one of `roles`, with the area's `nav`. */
function staffRoute(
  path: string,
  roles: readonly Role[],
  nav: ComponentProps<typeof RequireRole>['nav'],
  Area: ComponentType,
) {
  return (
    <Route path={path}>
      <StaffLayout roles={roles} signInPath="/signin" nav={nav}>
        <Area />
      </StaffLayout>
    </Route>
  );
}

export function AppRoutes() {
  return (
    <>
      <RouteAnnouncer />
      {/* The first route that matches is shown: a more specific path comes before a broader one. */}
      <Switch>
        {/* Students arrive here: both carry the safety bar. */}
        <Route path="/">
          <AppShell safety>
            <LandingPage />
          </AppShell>
        </Route>
        <Route path="/student/signin">
          <AppShell safety>
            <StudentSignInPage />
          </AppShell>
        </Route>
        <Route path="/signin">
          <AppShell>
            <StaffSignInPage />
          </AppShell>
        </Route>

        <Route path="/student/*?">
          <RequireRole roles={['student']} signInPath="/student/signin" safety>
            <Switch>
              <Route path="/student" component={StudentHomePage} />
              <Route path="/student/lessons/:assignmentId" component={ModulePlayerPage} />
              <Route component={NotFoundPage} />
            </Switch>
          </RequireRole>
        </Route>
        {staffRoute('/teacher/*?', ['teacher'], TEACHER_NAV, TeacherArea)}
        {/* The projector view of facilitation mode: staff who may teach a class, without app chrome. */}
        <Route path="/present/*?">
          <RequireRole roles={['teacher', 'school_admin', 'district_admin']} signInPath="/signin" bare>
            <PresentArea />
          </RequireRole>
        </Route>
        {staffRoute('/school/compliance/*?', ['school_admin'], SCHOOL_NAV, SchoolComplianceArea)}
        {staffRoute('/school/classes/*?', CLASS_MANAGER_ROLES, navForHome, ClassesArea)}
        {staffRoute('/school/*?', ['school_admin'], SCHOOL_NAV, SchoolArea)}
        {staffRoute('/district/*?', ['district_admin', 'platform_admin'], DISTRICT_NAV, DistrictArea)}
        {staffRoute('/studio/*?', ['author', 'reviewer'], STUDIO_NAV, StudioArea)}
        {/* Designated safeguarding staff are named from a school's teachers and school admins. */}
        {staffRoute('/safeguarding/*?', ['teacher', 'school_admin'], navForHome, SafeguardingArea)}
        {staffRoute('/catalog/*?', CATALOG_ROLES, navForHome, CatalogArea)}

        <Route>
          <AppShell>
            <NotFoundPage />
          </AppShell>
        </Route>
      </Switch>
    </>
  );
}
