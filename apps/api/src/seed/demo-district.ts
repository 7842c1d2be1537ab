import { schoolYearOf } from '@haven/domain';
import { DataSource } from 'typeorm';
import { District } from '../identity/district.entity';
import { DistrictSpec, seedDistrict } from './district-seed';

export const DEMO_PASSWORD = 'haven-demo-2026';

const student = (username: string, displayName: string, gradeLevel: number, pin: string) => ({
  username,
  displayName,
  gradeLevel,
  pin,
});

/** A Florida district (the clearest mandate: every grade, every school year) with two schools. */
export function demoDistrict(now = new Date()): DistrictSpec {
  const schoolYear = schoolYearOf(now);
  return {
    name: 'Gulf Coast County Schools',
    state: 'FL',
    schools: [
      { name: 'Palmetto Elementary School', code: 'PALMETTO', lowestGrade: 0, highestGrade: 5 },
      { name: 'Bayside Secondary School', code: 'BAYSIDE', lowestGrade: 6, highestGrade: 12 },
    ],
    staff: [
      {
        email: 'admin@gulfcoast.example',
        displayName: 'Dr. Alicia Moreno',
        password: DEMO_PASSWORD,
        roles: [{ role: 'district_admin' }],
      },
      {
        email: 'principal@gulfcoast.example',
        displayName: 'Mr. David Chen',
        password: DEMO_PASSWORD,
        roles: [{ role: 'school_admin', school: 'BAYSIDE' }],
        // Expires within weeks of the demo date: shows up as "expiring soon".
        trainings: [{ course: 'haven-facilitator-basics', completedAt: '2024-12-20T00:00:00Z' }],
      },
      {
        email: 'teacher@gulfcoast.example',
        displayName: 'Mr. James Okafor',
        password: DEMO_PASSWORD,
        roles: [{ role: 'teacher', school: 'BAYSIDE' }],
        trainings: [
          { course: 'haven-facilitator-basics', completedAt: '2026-08-15T00:00:00Z' },
          { course: 'mandated-reporter', completedAt: '2026-08-16T00:00:00Z' },
        ],
      },
      {
        // The school counsellor: designated safeguarding staff, told of talk requests and disclosures.
        email: 'counsellor@gulfcoast.example',
        displayName: 'Ms. Dana Brooks',
        password: DEMO_PASSWORD,
        roles: [{ role: 'teacher', school: 'BAYSIDE' }],
        trainings: [{ course: 'mandated-reporter', completedAt: '2026-08-16T00:00:00Z' }],
        safeguardingFor: [{ school: 'BAYSIDE', title: 'School counsellor' }],
      },
      {
        email: 'ms.rivera@gulfcoast.example',
        displayName: 'Ms. Sofia Rivera',
        password: DEMO_PASSWORD,
        roles: [{ role: 'teacher', school: 'PALMETTO' }],
        trainings: [{ course: 'haven-facilitator-basics', completedAt: '2026-08-15T00:00:00Z' }],
      },
      {
        email: 'author@gulfcoast.example',
        displayName: 'Renee Williams',
        password: DEMO_PASSWORD,
        roles: [{ role: 'author' }],
      },
      {
        email: 'reviewer@gulfcoast.example',
        displayName: 'Dr. Kim Nguyen',
        password: DEMO_PASSWORD,
        roles: [{ role: 'reviewer' }],
        reviewKinds: ['educator', 'trauma-informed'],
      },
      {
        email: 'survivor.reviewer@gulfcoast.example',
        displayName: 'Maria Torres',
        password: DEMO_PASSWORD,
        roles: [{ role: 'reviewer' }],
        reviewKinds: ['survivor-informed', 'trauma-informed'],
      },
    ],
    classes: [
      {
        school: 'PALMETTO',
        name: 'Grade 3, Room 12',
        gradeLevels: [3],
        schoolYear,
        teachers: ['ms.rivera@gulfcoast.example'],
        students: [
          student('sam', 'Sam', 3, '1122'),
          student('lily', 'Lily', 3, '3344'),
          student('omar', 'Omar', 3, '5566'),
          student('grace', 'Grace', 3, '7788'),
        ],
      },
      {
        school: 'BAYSIDE',
        name: 'Health 7, Period 2',
        gradeLevels: [7],
        schoolYear,
        teachers: ['teacher@gulfcoast.example'],
        students: [
          student('maya', 'Maya', 7, '2468'),
          student('jordan', 'Jordan', 7, '1212'),
          student('ana', 'Ana', 7, '3434'),
          student('kai', 'Kai', 7, '5656'),
          student('noah', 'Noah', 7, '7878'),
        ],
      },
      {
        school: 'BAYSIDE',
        name: 'Health 10, Period 4',
        gradeLevels: [10],
        schoolYear,
        teachers: ['teacher@gulfcoast.example'],
        students: [
          student('leo', 'Leo', 10, '1357'),
          student('priya', 'Priya', 10, '2020'),
          student('marcus', 'Marcus', 10, '3030'),
          student('eli', 'Eli', 10, '4040'),
        ],
      },
    ],
  };
}

export const DEMO_SIGN_INS = [
  'Staff (password haven-demo-2026):',
  '  district admin   admin@gulfcoast.example',
  '  school admin     principal@gulfcoast.example',
  '  teacher (7, 10)  teacher@gulfcoast.example',
  '  teacher (3)      ms.rivera@gulfcoast.example',
  '  counsellor       counsellor@gulfcoast.example (Bayside, designated safeguarding staff)',
  '  author           author@gulfcoast.example',
  '  reviewer         reviewer@gulfcoast.example (educator, trauma-informed)',
  '  reviewer         survivor.reviewer@gulfcoast.example (survivor-informed, trauma-informed)',
  'Students (school code / username / PIN):',
  '  BAYSIDE / maya / 2468 (grade 7)   BAYSIDE / leo / 1357 (grade 10)   PALMETTO / sam / 1122 (grade 3)',
];

/** Seeds the demo district into an empty database, in one transaction. Returns false if data already exists. */
export async function seedDemoIfEmpty(ds: DataSource): Promise<boolean> {
  return ds.transaction(async (m) => {
    await m.query('LOCK TABLE district IN EXCLUSIVE MODE');
    if ((await m.getRepository(District).count()) > 0) return false;
    await seedDistrict(m, demoDistrict());
    return true;
  });
}
