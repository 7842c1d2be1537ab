import type { MandateRule, SourceRef } from '../model';

const REVIEWED = '2026-11-15';
const sec = (title: string, url: string, kind: SourceRef['kind'] = 'secondary'): SourceRef => ({
  title,
  url,
  kind,
  marker: 'S',
});

export const GEORGIA_SB401: MandateRule = {
  id: 'us-ga-20-2-143',
  version: 1,
  state: 'GA',
  title: 'Sexual abuse and assault awareness and prevention, grades K-9 (SB 401)',
  status: 'in-force',
  source: 'O.C.G.A. 20-2-143 (SB 401, 2018)',
  citations: ['SB 401 (2018)', 'O.C.G.A. 20-2-143', 'O.C.G.A. 20-2-201 (in-service training)'],
  sources: [
    sec(
      'GaDOE human trafficking page',
      'https://www.gadoe.org/schoolsafetyclimate/Pages/Human-Trafficking.aspx',
      'agency',
    ),
    sec('Georgia State University TARG', 'https://pcaga.gsu.edu/targ/'),
  ],
  effective: {
    value: { from: '2018-07-01', to: null },
    certainty: 'uncertain',
    note: 'Enacted 2018; the exact start date is not in the sources.',
  },
  instruction: {
    mandatory: true,
    grades: { value: { from: 0, to: 9 }, certainty: 'secondary-source', note: 'K-9 per GaDOE.' },
    frequency: {
      value: { kind: 'each-school-year' },
      certainty: 'secondary-source',
      note: 'Annual per GaDOE.',
    },
    requirements: [
      {
        id: 'sexual-abuse-prevention',
        text: 'Sexual abuse and assault awareness and prevention',
        wording: 'sexual abuse and assault awareness and prevention',
        topics: ['child-abuse-prevention', 'body-autonomy', 'safe-adults'],
        certainty: 'secondary-source',
        note: "Mapping to tags is Haven's reading.",
      },
    ],
    minimumMinutes: {
      value: null,
      certainty: 'secondary-source',
      note: 'None; districts deliver one lesson.',
    },
    consent: {
      value: 'opt-out',
      alternativeActivity: true,
      certainty: 'secondary-source',
      note: 'Districts offer parent review and an opt-out form; opted-out students get a supervised alternate assignment.',
    },
  },
  staffTraining: [
    {
      id: 'in-service',
      obligation: 'required',
      appliesTo: ['instructor'],
      who: 'personnel who teach the K-9 instruction',
      trainings: ['trafficking-awareness-staff'],
      content: 'In-service training for the sexual abuse and assault prevention instruction',
      hours: null,
      frequency: { kind: 'unspecified' },
      citation: 'O.C.G.A. 20-2-201',
      certainty: 'secondary-source',
      note: 'No hours or interval found.',
    },
  ],
  filings: [],
  certainty: 'uncertain',
  note: 'Georgia has two rules: this one (K-9) and HB 287 (6-12 trafficking awareness).',
  reviewedOn: REVIEWED,
};

export const GEORGIA_HB287: MandateRule = {
  id: 'us-ga-20-2-142-hb287',
  version: 1,
  state: 'GA',
  title: 'Human trafficking awareness, grades 6-12 (HB 287)',
  status: 'in-force',
  source: 'O.C.G.A. 20-2-142 (HB 287, 2021); GaDOE Rule 160-4-2-.12',
  citations: ['HB 287 (2021)', 'O.C.G.A. 20-2-142', 'GaDOE Rule 160-4-2-.12'],
  sources: [
    sec(
      'GaDOE human trafficking page',
      'https://www.gadoe.org/schoolsafetyclimate/Pages/Human-Trafficking.aspx',
      'agency',
    ),
    sec(
      'Bulloch County: a single lesson each year',
      'https://www.bulloch.k12.ga.us/learning-services/k-12-academic-programs/sex-education-program/human-trafficking-awareness',
      'district',
    ),
  ],
  effective: {
    value: { from: '2021-07-01', to: null },
    certainty: 'uncertain',
    note: 'Enacted 2021; the exact start date is not in the sources.',
  },
  instruction: {
    mandatory: true,
    grades: { value: { from: 6, to: 12 }, certainty: 'secondary-source', note: 'Grades 6-12 per GaDOE.' },
    frequency: {
      value: { kind: 'each-school-year' },
      certainty: 'secondary-source',
      note: 'Each year per district practice (Bulloch: a single lesson each year).',
    },
    requirements: [
      {
        id: 'trafficking-awareness',
        text: 'Human trafficking awareness',
        wording: 'human trafficking awareness',
        topics: ['sex-trafficking', 'labor-trafficking', 'signs-of-trafficking', 'resources'],
        certainty: 'secondary-source',
        note: "Mapping to tags is Haven's reading. The same law also covers vaping and tobacco (not mapped).",
      },
    ],
    minimumMinutes: {
      value: null,
      certainty: 'secondary-source',
      note: 'None; districts deliver one lesson.',
    },
    consent: {
      value: 'opt-out',
      alternativeActivity: true,
      certainty: 'secondary-source',
      note: 'Opt-out form and supervised alternate assignment per district pages.',
    },
  },
  staffTraining: [],
  filings: [],
  certainty: 'uncertain',
  note: 'Frequency rests on district practice.',
  reviewedOn: REVIEWED,
};

export const OHIO: MandateRule = {
  id: 'us-oh-orc-3313.60',
  version: 1,
  state: 'OH',
  title: "Child sexual abuse prevention, grades K-6 (Erin's Law, SB 288)",
  status: 'in-force',
  source: 'ORC 3313.60 as amended by SB 288 (134th GA)',
  citations: ['SB 288 (134th GA, 2022, incorporating HB 105)', 'Ohio Rev. Code 3313.60'],
  sources: [
    sec(
      'Ennis Britton: staff training requirements',
      'https://ennisbritton.com/blog/2023/erins-law-sets-new-staff-training-requirements',
    ),
    sec(
      "cleveland.com: legislature passes Erin's Law",
      'https://www.cleveland.com/news/2022/12/ohio-legislature-passes-erins-law-to-require-sexual-abuse-violence-prevention-education-in-schools.html',
    ),
  ],
  effective: {
    value: { from: '2023-04-01', to: null },
    certainty: 'secondary-source',
    note: 'Effective April 2023 per news reports; the day is approximate.',
  },
  instruction: {
    mandatory: true,
    grades: {
      value: { from: 0, to: 6 },
      certainty: 'secondary-source',
      note: 'K-6 child sexual-abuse prevention. Grades 7-12 have sexual-violence prevention, with no frequency found (not encoded as a separate rule).',
    },
    frequency: {
      value: { kind: 'each-school-year' },
      certainty: 'secondary-source',
      note: 'Annual for K-6.',
    },
    requirements: [
      {
        id: 'abuse-prevention',
        text: 'Age-appropriate child sexual abuse prevention, including counseling and resources',
        wording: 'age-appropriate child sexual abuse prevention, including counseling and resources',
        topics: ['child-abuse-prevention', 'safe-adults', 'resources'],
        certainty: 'secondary-source',
        note: 'K-6 materials may not come from entities that provide, promote or refer for abortion.',
      },
    ],
    minimumMinutes: { value: null, certainty: 'secondary-source', note: 'None found.' },
    consent: {
      value: 'opt-out',
      alternativeActivity: false,
      certainty: 'secondary-source',
      note: 'Parents are notified and may examine materials; a student is excused on written request.',
    },
  },
  staffTraining: [
    {
      id: 'in-service',
      obligation: 'required',
      appliesTo: ['instructor'],
      who: 'school staff (in-service)',
      trainings: ['trafficking-awareness-staff'],
      content: 'Child sexual abuse prevention',
      hours: null,
      frequency: { kind: 'unspecified' },
      citation: 'Ohio Rev. Code 3313.60',
      certainty: 'secondary-source',
      note: 'Hours and interval not found.',
    },
  ],
  filings: [
    {
      id: 'parent-notice',
      title: 'Parent notice',
      description: 'Notify parents that the instruction is required and that they may examine the materials.',
      recipient: 'Parents and guardians',
      deadline: { kind: 'ongoing' },
      citation: 'Ohio Rev. Code 3313.60',
      certainty: 'secondary-source',
      note: 'Timing not found.',
    },
  ],
  certainty: 'secondary-source',
  note: 'From a law-firm summary and news reports.',
  reviewedOn: REVIEWED,
};

export const ILLINOIS: MandateRule = {
  id: 'us-il-105ilcs5-10-23.13',
  version: 1,
  state: 'IL',
  title: "Child sexual abuse prevention, pre-K-12 (Erin's Law)",
  status: 'in-force',
  source: '105 ILCS 5/10-23.13 as amended by PA 102-0610',
  citations: ['PA 97-1147 (2013)', 'PA 102-0610 (2021)', '105 ILCS 5/10-23.13'],
  sources: [
    {
      title: 'PA 102-0610 text',
      url: 'https://witnessslips.ilga.gov/legislation/publicacts/102/102-0610.htm',
      kind: 'statute',
      marker: 'V',
    },
    sec("Elmhurst SD: Erin's Law", 'https://easd13.org/page/erins-law', 'district'),
  ],
  effective: {
    value: { from: '2022-07-01', to: null },
    certainty: 'verified',
    note: 'Policy due by 2022-07-01 under PA 102-0610.',
  },
  instruction: {
    mandatory: true,
    grades: {
      value: { from: 0, to: 12 },
      certainty: 'verified',
      note: 'Pre-K-12; Haven models K-12 (pre-K is not a Haven grade).',
    },
    frequency: {
      value: { kind: 'unspecified' },
      certainty: 'secondary-source',
      note: 'No frequency in the law; districts teach it once a year.',
    },
    requirements: [
      {
        id: 'csa-prevention',
        text: 'Age-appropriate, evidence-informed child sexual abuse prevention',
        wording: 'age-appropriate and evidence-informed child sexual abuse prevention curriculum',
        topics: ['child-abuse-prevention', 'body-autonomy', 'safe-adults'],
        certainty: 'verified',
        note: "Mapping to tags is Haven's reading.",
      },
      {
        id: 'grooming-boundaries',
        text: 'Prohibited grooming behaviors and boundary violations',
        wording: 'prohibited grooming behaviors and boundary violations by school personnel',
        topics: ['grooming'],
        certainty: 'verified',
        note: 'The law requires the policy and all training to define them; Haven also maps it to student instruction.',
      },
    ],
    minimumMinutes: { value: null, certainty: 'verified', note: 'None.' },
    consent: {
      value: 'opt-out',
      alternativeActivity: false,
      certainty: 'secondary-source',
      note: 'Opt-out per district pages.',
    },
  },
  staffTraining: [
    {
      id: 'personnel-training',
      obligation: 'required',
      appliesTo: ['all-employees'],
      who: 'school personnel',
      trainings: ['trafficking-awareness-staff'],
      content: 'Evidence-informed training on child sexual abuse, grooming and boundary violations',
      hours: null,
      frequency: { kind: 'unspecified' },
      citation: '105 ILCS 5/10-23.13',
      certainty: 'verified',
      note: 'No interval found.',
    },
  ],
  filings: [
    {
      id: 'policy',
      title: 'Adopted policy',
      description:
        'Board policy on child sexual abuse, grooming and boundary violations; warning signs for parents in the handbook.',
      recipient: 'District board; student handbook',
      deadline: { kind: 'by-date', date: '2022-07-01' },
      citation: 'PA 102-0610',
      certainty: 'verified',
    },
  ],
  certainty: 'secondary-source',
  note: 'Frequency and consent rest on district pages.',
  reviewedOn: REVIEWED,
};

export const NORTH_CAROLINA: MandateRule = {
  id: 'us-nc-115c-81.30',
  version: 1,
  state: 'NC',
  title: 'Sex trafficking prevention in reproductive health and safety education',
  status: 'in-force',
  source: 'N.C.G.S. 115C-81.30(a)(13)',
  citations: ['N.C.G.S. 115C-81.30(a)(13)', 'N.C.G.S. 115C-81.30(c)'],
  sources: [
    sec(
      'NASBE State Policy Database: North Carolina',
      'https://statepolicies.nasbe.org/health/categories/health-education/he-k-12-curriculum%E2%80%94violence-prevention-ms/north-carolina-he-k-12-curriculum%E2%80%94violence-prevention-ms-curricula',
    ),
    sec('Bill summary', 'https://app.keepupstate.com/bills/8814'),
  ],
  effective: {
    value: { from: '2019-07-01', to: null },
    certainty: 'uncertain',
    note: 'Start date not in the sources.',
  },
  instruction: {
    mandatory: true,
    grades: {
      value: { from: 7, to: 12 },
      certainty: 'uncertain',
      note: 'Starts in grade 7 within the RHSE program; the last grade is not stated.',
    },
    frequency: {
      value: { kind: 'unspecified' },
      certainty: 'uncertain',
      note: 'Within the RHSE program; no frequency found.',
    },
    requirements: [
      {
        id: 'sex-trafficking',
        text: 'Sex trafficking prevention and awareness',
        wording: 'sex trafficking prevention and awareness',
        topics: ['sex-trafficking', 'signs-of-trafficking'],
        certainty: 'secondary-source',
        note: 'NASBE summary.',
      },
      {
        id: 'sexual-assault',
        text: 'Sexual assault and abuse awareness, risk reduction, resources and reporting',
        wording: 'sexual assault and abuse awareness, risk reduction, resources and reporting',
        topics: ['child-abuse-prevention', 'resources', 'help-seeking'],
        certainty: 'secondary-source',
        note: 'NASBE summary.',
      },
    ],
    minimumMinutes: { value: null, certainty: 'secondary-source', note: 'None found.' },
    consent: {
      value: 'opt-out',
      alternativeActivity: false,
      certainty: 'secondary-source',
      note: 'Each year parents may review objectives and materials and withhold consent (115C-81.30(c)).',
    },
  },
  staffTraining: [],
  filings: [],
  certainty: 'uncertain',
  note: 'Grades and frequency are not confirmed.',
  reviewedOn: REVIEWED,
};

export const VIRGINIA: MandateRule = {
  id: 'us-va-22.1-207.1',
  version: 1,
  state: 'VA',
  title: 'Family Life Education: prevention of human trafficking (local option)',
  status: 'in-force',
  source: 'Va. Code 22.1-207.1',
  citations: ['Va. Code 22.1-207.1', 'HB 2282 (2017); VDOE training guidelines (April 2018)'],
  sources: [
    sec(
      'Current 22.1-207.1 text (in SB 1066 draft)',
      'https://app.legiplex.com/va/legislature/2025/2025-r/bills/sb1066/drafts-latest',
    ),
    sec(
      'VDOE guidelines for training on the prevention of trafficking of children',
      'https://docsbay.net/guidelines-for-training-on-the-prevention-of-trafficking-of-children',
    ),
  ],
  effective: {
    value: { from: '2017-07-01', to: null },
    certainty: 'uncertain',
    note: 'Start date of the trafficking wording not in the sources.',
  },
  instruction: {
    mandatory: false,
    grades: {
      value: { from: 0, to: 12 },
      certainty: 'secondary-source',
      note: 'FLE K-12, offered at local option.',
    },
    frequency: {
      value: { kind: 'unspecified' },
      certainty: 'secondary-source',
      note: 'Per the local FLE programme.',
    },
    requirements: [
      {
        id: 'trafficking',
        text: 'Prevention of human trafficking, including of children',
        wording: 'prevention of human trafficking, including the human trafficking of children',
        topics: ['sex-trafficking', 'labor-trafficking'],
        certainty: 'secondary-source',
        note: 'Quoted from a bill draft showing the current text.',
      },
      {
        id: 'abuse-exploitation',
        text: 'Child abduction, child abuse, child sexual exploitation and child sexual abuse',
        wording: 'child abduction, child abuse, child sexual exploitation, child sexual abuse',
        topics: ['child-abuse-prevention', 'safe-adults'],
        certainty: 'secondary-source',
        note: "Mapping to tags is Haven's reading.",
      },
    ],
    minimumMinutes: { value: null, certainty: 'secondary-source', note: 'None found.' },
    consent: {
      value: 'opt-out',
      alternativeActivity: false,
      certainty: 'uncertain',
      note: 'FLE is believed to be opt-out; not confirmed.',
    },
  },
  staffTraining: [
    {
      id: 'fle-teachers',
      obligation: 'required',
      appliesTo: ['instructor'],
      who: 'FLE teachers (training requirements set by the Board); guidelines also cover nurses, counselors and other staff',
      trainings: ['trafficking-awareness-staff'],
      content: 'Prevention of trafficking of children',
      hours: null,
      frequency: { kind: 'unspecified' },
      citation: 'HB 2282 (2017); VDOE guidelines',
      certainty: 'secondary-source',
      note: 'No hours or interval found.',
    },
  ],
  filings: [],
  certainty: 'uncertain',
  note: 'Local option: not a compliance requirement unless the division offers FLE.',
  reviewedOn: REVIEWED,
};

export const MARYLAND: MandateRule = {
  id: 'us-md-educ-7-439',
  version: 1,
  state: 'MD',
  title: "Sexual abuse and assault awareness in the health curriculum (Erin's Law)",
  status: 'in-force',
  source: 'Md. Code, Educ. 7-439',
  citations: [
    'Md. Code, Educ. 7-439 (2016)',
    'HB 461 (2023), HB 620 (2024), HB 763 (2025): trafficking for grades 6-8, not enacted or unknown',
  ],
  sources: [
    sec('HB 763 (2025)', 'https://www.billtrack50.com/billdetail/1808200', 'bill'),
    sec('Maryland Catholic Conference on HB 138 (2021)', 'https://www.mdcatholic.org/2021hb138'),
  ],
  effective: {
    value: { from: '2016-07-01', to: null },
    certainty: 'uncertain',
    note: 'Year from the sources; day assumed.',
  },
  instruction: {
    mandatory: true,
    grades: { value: null, certainty: 'uncertain', note: 'Per the local programme; grades not found.' },
    frequency: { value: { kind: 'unspecified' }, certainty: 'uncertain', note: 'Not found.' },
    requirements: [
      {
        id: 'csa-awareness',
        text: 'Child sexual abuse awareness and prevention',
        wording: 'sexual abuse and assault awareness and prevention',
        topics: ['child-abuse-prevention'],
        certainty: 'secondary-source',
        note: 'Bills adding trafficking (grades 6-8) did not pass or their status is unknown.',
      },
    ],
    minimumMinutes: { value: null, certainty: 'uncertain', note: 'Not found.' },
    consent: {
      value: 'opt-out',
      alternativeActivity: false,
      certainty: 'uncertain',
      note: 'Consent model not found; opt-out assumed for health.',
    },
  },
  staffTraining: [
    {
      id: 'trained-teacher',
      obligation: 'required',
      appliesTo: ['instructor'],
      who: 'taught by a trained teacher',
      trainings: ['trafficking-awareness-staff'],
      content: 'Sexual abuse and assault awareness',
      hours: null,
      frequency: { kind: 'unspecified' },
      citation: 'Md. Code, Educ. 7-439',
      certainty: 'secondary-source',
      note: 'What counts as trained is not specified.',
    },
  ],
  filings: [],
  certainty: 'uncertain',
  note: 'Grades are unknown, so the evaluator reports this rule as not applicable until a district sets grades in a local rule.',
  reviewedOn: REVIEWED,
};

export const UTAH: MandateRule = {
  id: 'us-ut-53g-9-207',
  version: 1,
  state: 'UT',
  title: 'Child sexual abuse and human trafficking prevention training for personnel and parents',
  status: 'in-force',
  source: 'Utah Code 53G-9-207',
  citations: ['Utah Code 53G-9-207'],
  sources: [
    {
      title: 'Utah Code 53G-9-207',
      url: 'https://legalfix.com/statutes/state-codes/utah/title-53g/chapter-9/part-2/section-207',
      kind: 'statute',
      marker: 'V',
    },
  ],
  effective: {
    value: { from: '2018-07-01', to: null },
    certainty: 'uncertain',
    note: 'Start date not in the sources.',
  },
  instruction: null,
  staffTraining: [
    {
      id: 'personnel',
      obligation: 'required',
      appliesTo: ['all-employees'],
      who: 'school personnel in elementary and secondary schools',
      trainings: ['trafficking-awareness-staff', 'mandated-reporter'],
      content:
        'Responding supportively to a disclosure; identifying victims of trafficking and commercial sexual exploitation; mandatory reporting',
      hours: null,
      frequency: { kind: 'every-n-years', years: 2 },
      citation: 'Utah Code 53G-9-207',
      certainty: 'secondary-source',
      note: '"Every other year" per the summary table; materials must be approved by the state board.',
    },
  ],
  filings: [],
  certainty: 'uncertain',
  note: 'Also requires training for parents of elementary students (warning signs, talking with children): not modelled as staff training.',
  reviewedOn: REVIEWED,
};

export const CONNECTICUT: MandateRule = {
  id: 'us-ct-17a-106h',
  version: 1,
  state: 'CT',
  title: 'Human trafficking training for school employees',
  status: 'in-force',
  source: 'Conn. Gen. Stat. 17a-106h',
  citations: ['Conn. Gen. Stat. 17a-106h'],
  sources: [
    sec(
      'JD Supra: has your district complied?',
      'http://www.jdsupra.com/legalnews/has-your-district-complied-with-the-30479/',
    ),
  ],
  effective: {
    value: { from: '2018-07-01', to: null },
    certainty: 'secondary-source',
    note: 'Initial training due by 2018-07-01.',
  },
  instruction: null,
  staffTraining: [
    {
      id: 'initial-new-hire',
      obligation: 'required',
      appliesTo: ['student-contact'],
      who: 'school employees with student contact (new hires)',
      trainings: ['trafficking-awareness-staff'],
      content: 'Identifying and reporting human trafficking (DCF-HART course)',
      hours: 2.5,
      frequency: { kind: 'on-hire', withinDays: 183 },
      citation: 'Conn. Gen. Stat. 17a-106h',
      certainty: 'secondary-source',
      note: 'Within 6 months of hire (Haven counts 183 days); course length about 2.5 h.',
    },
    {
      id: 'annual-refresher',
      obligation: 'required',
      appliesTo: ['student-contact'],
      who: 'school employees with student contact',
      trainings: ['trafficking-awareness-staff'],
      content: 'Refresher on identifying and reporting human trafficking',
      hours: null,
      frequency: { kind: 'each-school-year' },
      citation: 'Conn. Gen. Stat. 17a-106h',
      certainty: 'secondary-source',
      note: 'Annual refresher per a law-firm summary; refresher length not found.',
    },
  ],
  filings: [],
  certainty: 'secondary-source',
  note: 'Staff-only rule.',
  reviewedOn: REVIEWED,
};

export const LOUISIANA: MandateRule = {
  id: 'us-la-rs-17-81-y',
  version: 1,
  state: 'LA',
  title: 'Child assault awareness and prevention',
  status: 'in-force',
  source: 'La. R.S. 17:81(Y)',
  citations: [
    'La. R.S. 17:81(Y)',
    'SB 83 (2026, pending): annual advanced trafficking training for designated staff',
  ],
  sources: [
    sec(
      'NASBE State Policy Database: Louisiana',
      'https://statepolicies.nasbe.org/health/categories/health-education/he-k-12-curriculum%E2%80%94violence-prevention-es/louisiana-he-k-12-curriculum%E2%80%94violence-prevention-es-curricula',
    ),
    sec(
      'NOLA Public Schools policy IDBC',
      'https://nolapublicschools.com/CAPS/Policies/IDBC_-_Child_Assault_Awareness_(Amended_11_17_22).htm',
      'district',
    ),
  ],
  effective: {
    value: { from: '2014-07-01', to: null },
    certainty: 'uncertain',
    note: 'Start date not in the sources.',
  },
  instruction: {
    mandatory: true,
    grades: {
      value: { from: 0, to: 12 },
      certainty: 'secondary-source',
      note: 'All students: pre-K-2 child assault, 3-12 child sexual abuse (Orleans Parish policy).',
    },
    frequency: { value: { kind: 'unspecified' }, certainty: 'secondary-source', note: 'Not stated.' },
    requirements: [
      {
        id: 'what-is-abuse',
        text: 'What counts as abuse or assault',
        wording: 'what constitutes abuse or assault',
        topics: ['child-abuse-prevention', 'body-autonomy'],
        certainty: 'secondary-source',
        note: 'NASBE summary.',
      },
      {
        id: 'report-safely',
        text: 'How to report safely and confidentially',
        wording: 'how to report safely and confidentially',
        topics: ['help-seeking', 'safe-adults'],
        certainty: 'secondary-source',
        note: 'NASBE summary.',
      },
    ],
    minimumMinutes: { value: null, certainty: 'secondary-source', note: 'None found.' },
    consent: {
      value: 'none',
      alternativeActivity: false,
      certainty: 'uncertain',
      note: 'No consent provision found.',
    },
  },
  staffTraining: [],
  filings: [
    {
      id: 'dcfs-hotline-on-website',
      title: 'DCFS hotline on the school website',
      description: 'Post the Department of Children and Family Services abuse hotline on the school website.',
      recipient: 'Public (school website)',
      deadline: { kind: 'ongoing' },
      citation: 'La. R.S. 17:81(Y)',
      certainty: 'secondary-source',
      note: 'NASBE summary.',
    },
    {
      id: 'annual-report',
      title: 'Annual report to LDOE',
      description: 'Annual report on the instruction.',
      recipient: 'Louisiana Department of Education',
      deadline: { kind: 'annual', month: 6, day: 30 },
      citation: 'La. R.S. 17:81(Y)',
      certainty: 'uncertain',
      note: 'A yearly report is mentioned in a secondary source; its due date is not known (30 June is a placeholder, the end of the school year).',
    },
  ],
  certainty: 'uncertain',
  note: 'Frequency not stated; report date unknown.',
  reviewedOn: REVIEWED,
};

export const TENNESSEE: MandateRule = {
  id: 'us-tn-49-6-1304',
  version: 1,
  state: 'TN',
  title: 'Child trafficking in family life instruction (video approved by the LEA)',
  status: 'in-force',
  source: 'Tenn. Code Ann. 49-6-1304(a)(13)(B)',
  citations: [
    'Tenn. Code Ann. 49-6-1304(a)(13)(B)',
    'HB1527 / SB1710 (2026, pending): K-12 in health, plan by 2026-08-01, report by 2027-07-01',
  ],
  sources: [
    sec(
      'NASBE State Policy Database: Tennessee',
      'https://statepolicies.nasbe.org/health/categories/health-education/health-education-k-12-curriculum-violence-prevention-es/tennessee',
    ),
    sec('HB1527 (2026)', 'https://www.billtrack50.com/billdetail/1927392', 'bill'),
  ],
  effective: {
    value: { from: '2015-07-01', to: null },
    certainty: 'uncertain',
    note: 'Start date not in the sources.',
  },
  instruction: {
    mandatory: true,
    grades: { value: null, certainty: 'uncertain', note: 'Grades not stated (family life curriculum).' },
    frequency: { value: { kind: 'unspecified' }, certainty: 'uncertain', note: 'Not stated.' },
    requirements: [
      {
        id: 'child-trafficking-video',
        text: 'Child trafficking, through a video approved by the LEA',
        wording: 'child trafficking, through the viewing of a video recording approved by the LEA',
        topics: ['sex-trafficking', 'labor-trafficking'],
        certainty: 'secondary-source',
        note: 'Topics of the video are not specified.',
      },
    ],
    minimumMinutes: { value: null, certainty: 'uncertain', note: 'Not stated.' },
    consent: {
      value: 'opt-out',
      alternativeActivity: false,
      certainty: 'uncertain',
      note: 'Family life opt-out assumed; not confirmed.',
    },
  },
  staffTraining: [],
  filings: [],
  certainty: 'uncertain',
  note: 'Pending 2026 bills would make this K-12 with a plan and a report; re-check when they are decided.',
  reviewedOn: REVIEWED,
};

export const WISCONSIN_PENDING: MandateRule = {
  id: 'us-wi-ab832-pending',
  version: 1,
  state: 'WI',
  title: 'Human trafficking and sextortion instruction (AB 832 / SB 839, pending)',
  status: 'pending',
  source: 'Wis. AB 832 / SB 839 (2025-26), pending',
  citations: ['AB 832 / SB 839 (2025-26 session), pending', 'AB 977 / SB 958 (2023) did not pass'],
  sources: [
    sec(
      'FastDemocracy bill summary',
      'https://fastdemocracy.com/bill-summary/?billsummary_id=WIB00015742&billsummary_session=2025-2026&billsummary_state=wi',
      'bill',
    ),
  ],
  effective: {
    value: { from: '2026-07-01', to: null },
    certainty: 'uncertain',
    note: 'Would apply from 2026-27 if enacted.',
  },
  instruction: {
    mandatory: true,
    grades: { value: { from: 6, to: 12 }, certainty: 'uncertain', note: 'As proposed.' },
    frequency: {
      value: {
        kind: 'once-per-band',
        bands: [
          { id: 'middle', label: 'Grades 6-8', from: 6, to: 8 },
          { id: 'high', label: 'Grades 9-12', from: 9, to: 12 },
        ],
      },
      certainty: 'uncertain',
      note: 'As proposed: once in 6-8 and once in 9-12.',
    },
    requirements: [
      {
        id: 'trafficking-sextortion',
        text: 'Human trafficking and sextortion',
        wording: 'human trafficking and sextortion',
        topics: ['sex-trafficking', 'online-safety', 'social-media-risks'],
        certainty: 'uncertain',
        note: 'As proposed.',
      },
    ],
    minimumMinutes: { value: null, certainty: 'uncertain', note: 'As proposed: none found.' },
    consent: { value: 'opt-out', alternativeActivity: false, certainty: 'uncertain', note: 'Not known.' },
  },
  staffTraining: [
    {
      id: 'licensed-staff',
      obligation: 'required',
      appliesTo: ['instructor'],
      who: 'licensed staff',
      trainings: ['trafficking-awareness-staff'],
      content: 'Human trafficking',
      hours: null,
      frequency: { kind: 'unspecified' },
      citation: 'AB 832 / SB 839 (pending)',
      certainty: 'uncertain',
      note: 'As proposed.',
    },
  ],
  filings: [],
  certainty: 'uncertain',
  note: 'Pending bill: the evaluator treats pending rules as not applicable.',
  reviewedOn: REVIEWED,
};

export const WYOMING: MandateRule = {
  id: 'us-wy-21-9-104',
  version: 1,
  state: 'WY',
  title: 'Optional child sexual abuse prevention instruction',
  status: 'in-force',
  source: 'Wyo. Stat. 21-9-104',
  citations: ['Wyo. Stat. 21-9-104'],
  sources: [
    {
      title: 'Wyo. Stat. 21-9-104',
      url: 'https://legalfix.com/statutes/state-codes/wyoming/title-21/chapter-9/article-1/section-21-9-104',
      kind: 'statute',
      marker: 'V',
    },
  ],
  effective: {
    value: { from: '2017-07-01', to: null },
    certainty: 'uncertain',
    note: 'Start date not in the sources.',
  },
  instruction: {
    mandatory: false,
    grades: { value: { from: 0, to: 12 }, certainty: 'uncertain', note: 'Grades not stated in the summary.' },
    frequency: { value: { kind: 'unspecified' }, certainty: 'uncertain', note: 'Optional instruction.' },
    requirements: [
      {
        id: 'csa-prevention',
        text: 'Child sexual abuse prevention',
        wording: 'child sexual abuse prevention',
        topics: ['child-abuse-prevention', 'body-autonomy', 'safe-adults'],
        certainty: 'secondary-source',
        note: "Mapping to tags is Haven's reading.",
      },
    ],
    minimumMinutes: { value: null, certainty: 'secondary-source', note: 'None.' },
    consent: {
      value: 'opt-in-written',
      alternativeActivity: false,
      certainty: 'secondary-source',
      note: 'Written parental permission before the instruction.',
    },
  },
  staffTraining: [],
  filings: [],
  certainty: 'uncertain',
  note: 'Optional: no compliance gap arises unless a district adopts it as a local rule.',
  reviewedOn: REVIEWED,
};
