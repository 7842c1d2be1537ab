import type { MandateRule } from '../model';

export const NEW_JERSEY: MandateRule = {
  id: 'us-nj-pl2019-c189',
  version: 1,
  state: 'NJ',
  title: 'Human trafficking guidelines (P.L.2019, c.189) and health standards 2.1.8.CHSS.2 / .4',
  status: 'in-force',
  source: 'P.L.2019, c.189 (N.J.S.A. 18A:6-131.2, -131.3); NJSLS-CHPE 2020',
  citations: [
    'P.L.2019, c.189 (A1428/S2653, approved 2019-07-19)',
    'N.J.S.A. 18A:6-131.2, 18A:6-131.3',
    'NJSLS Comprehensive Health and Physical Education (2020) 2.1.8.CHSS.2, 2.1.8.CHSS.4',
    'N.J.S.A. 18A:35-4.7 (health exemption)',
  ],
  sources: [
    {
      title: 'P.L.2019, c.189 text',
      url: 'https://pub.njleg.gov/bills/2018/PL19/189_.HTM',
      kind: 'statute',
      marker: 'V',
    },
    {
      title: 'NJSLS 8th-grade standards (district page)',
      url: 'https://sites.google.com/wtsdnj.com/cms-mrsfink/8th-grade',
      kind: 'district',
      marker: 'S',
    },
  ],
  effective: {
    value: { from: '2019-07-19', to: null },
    certainty: 'secondary-source',
    note: 'The law was approved on 2019-07-19; the 2020 standards took effect later, on a date not in the sources.',
  },
  instruction: {
    mandatory: true,
    grades: {
      value: { from: 6, to: 12 },
      certainty: 'secondary-source',
      note: 'Performance expectations by the end of grade 8 (2.1.8.CHSS.2, .4) and by grade 12.',
    },
    frequency: {
      value: {
        kind: 'once-per-band',
        bands: [
          { id: 'by-grade-8', label: 'By the end of grade 8 (grades 6-8)', from: 6, to: 8 },
          { id: 'by-grade-12', label: 'By the end of grade 12 (grades 9-12)', from: 9, to: 12 },
        ],
      },
      certainty: 'uncertain',
      note: 'New Jersey fixes no frequency: standards are taught somewhere within the grade band. Haven reads that as at least once per band.',
    },
    requirements: [
      {
        id: '2.1.8.CHSS.2',
        text: 'Laws on age of consent, sexting, child pornography and sex trafficking',
        wording: 'laws on age of consent, sexting, child pornography and sex trafficking',
        topics: ['sex-trafficking', 'online-safety'],
        certainty: 'secondary-source',
        note: 'Standard wording from a district page.',
      },
      {
        id: '2.1.8.CHSS.4',
        text: 'Resources and trusted adults if harassed, abused, exploited or trafficked',
        wording: 'resources and trusted adults if harassed, abused, exploited or trafficked',
        topics: ['resources', 'safe-adults', 'help-seeking'],
        certainty: 'secondary-source',
        note: 'Standard wording from a district page.',
      },
    ],
    minimumMinutes: { value: null, certainty: 'secondary-source', note: 'None found.' },
    consent: {
      value: 'opt-out',
      alternativeActivity: false,
      certainty: 'uncertain',
      note: 'A health / sex-education conscience exemption exists (N.J.S.A. 18A:35-4.7); whether it reaches this instruction is not confirmed.',
    },
  },
  staffTraining: [
    {
      id: 'professional-development-guidance',
      obligation: 'offered',
      appliesTo: ['instructor', 'administrator'],
      who: 'teachers, administrators and other staff',
      trainings: ['trafficking-awareness-staff'],
      content: 'Commissioner guidance and resources on professional development',
      hours: null,
      frequency: { kind: 'unspecified' },
      citation: 'N.J.S.A. 18A:6-131.3',
      certainty: 'verified',
      note: 'Guidance, not a hard training mandate.',
    },
  ],
  filings: [],
  certainty: 'uncertain',
  note: 'The statute mandates NJDOE guidelines (definitions, risk factors, recruitment, indicators, reporting, prevention, confidentiality), not student instruction as such; the student requirement comes from the 2020 standards. Frequency and consent are uncertain.',
  reviewedOn: '2026-11-15',
};
