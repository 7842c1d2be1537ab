import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, demoDistrict } from '../seed/demo-district';
import { DistrictSpec, SeededDistrict, seedDistrict } from '../seed/district-seed';
import type { TestApp } from './test-app';

/** A second district in another state, to prove nothing crosses between districts. */
export function otherDistrict(): DistrictSpec {
  return {
    name: 'Lone Star ISD',
    state: 'TX',
    schools: [{ name: 'Pecan Middle School', code: 'PECAN', lowestGrade: 6, highestGrade: 8 }],
    staff: [
      {
        email: 'admin@lonestar.example',
        displayName: 'Other Admin',
        password: DEMO_PASSWORD,
        roles: [{ role: 'district_admin' }],
      },
      {
        email: 'teacher@lonestar.example',
        displayName: 'Other Teacher',
        password: DEMO_PASSWORD,
        roles: [{ role: 'teacher', school: 'PECAN' }],
      },
      {
        email: 'author@lonestar.example',
        displayName: 'Other Author',
        password: DEMO_PASSWORD,
        roles: [{ role: 'author' }],
      },
    ],
    classes: [
      {
        school: 'PECAN',
        name: 'Health 6',
        gradeLevels: [6],
        schoolYear: '2026-2027',
        teachers: ['teacher@lonestar.example'],
        students: [{ username: 'tex', displayName: 'Tex', gradeLevel: 6, pin: '9999' }],
      },
    ],
  };
}

export interface Fixtures {
  demo: SeededDistrict;
  other: SeededDistrict;
}

/** The demo district, a second district, and a platform admin. */
export async function seedFixtures(ds: DataSource): Promise<Fixtures> {
  return ds.transaction(async (m) => {
    const demo = await seedDistrict(m, {
      ...demoDistrict(new Date('2026-11-26T00:00:00Z')),
      staff: [
        ...demoDistrict().staff,
        {
          email: 'platform@haven.example',
          displayName: 'Platform Admin',
          password: DEMO_PASSWORD,
          roles: [{ role: 'platform_admin' }],
        },
      ],
    });
    const other = await seedDistrict(m, otherDistrict());
    return { demo, other };
  });
}

export async function signInStaff(t: TestApp, email: string, password = DEMO_PASSWORD): Promise<TestAgent> {
  const agent = t.agent();
  const r = await t.gql(agent, 'mutation($i: StaffSignInInput!) { signIn(input: $i) { id } }', {
    i: { email, password },
  });
  if (r.errors) throw new Error(`sign-in failed for ${email}: ${r.errors[0].message}`);
  return agent;
}

export async function signInStudent(
  t: TestApp,
  schoolCode: string,
  username: string,
  secret: string,
): Promise<TestAgent> {
  const agent = t.agent();
  const r = await t.gql(agent, 'mutation($i: StudentSignInInput!) { studentSignIn(input: $i) { id } }', {
    i: { schoolCode, username, secret },
  });
  if (r.errors) throw new Error(`student sign-in failed for ${username}: ${r.errors[0].message}`);
  return agent;
}
