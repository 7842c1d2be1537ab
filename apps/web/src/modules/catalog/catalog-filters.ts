import { GRADE_BANDS, MAX_GRADE, MIN_GRADE } from '@haven/domain';
import type { CatalogModulesQueryVariables } from '../../gql/graphql';
import { LANGUAGES } from '../../i18n/i18n';

/** The most modules asked for at once; the server bounds lists too. */
export const MODULES_PAGE_SIZE = 100;

/** Catalog filters as kept in the address (`?band=6-8&grade=7&language=es&topic=grooming`). */
export interface CatalogFilters {
  gradeBand: string;
  grade: string;
  language: string;
  topic: string;
}

export const NO_FILTERS: CatalogFilters = { gradeBand: '', grade: '', language: '', topic: '' };

const PARAM: Record<keyof CatalogFilters, string> = {
  gradeBand: 'band',
  grade: 'grade',
  language: 'language',
  topic: 'topic',
};

const TOPIC_TAG = /^[a-z0-9-]{2,60}$/;

export const GRADES: readonly number[] = Array.from(
  { length: MAX_GRADE - MIN_GRADE + 1 },
  (_, i) => MIN_GRADE + i,
);

/** Reads the filters from the address, dropping values the API would refuse (an edited or old link). */
export function readFilters(params: URLSearchParams): CatalogFilters {
  const gradeBand = params.get(PARAM.gradeBand) ?? '';
  const grade = params.get(PARAM.grade) ?? '';
  const language = params.get(PARAM.language) ?? '';
  const topic = params.get(PARAM.topic) ?? '';
  return {
    gradeBand: (GRADE_BANDS as readonly string[]).includes(gradeBand) ? gradeBand : '',
    grade: GRADES.map(String).includes(grade) ? grade : '',
    language: (LANGUAGES as readonly string[]).includes(language) ? language : '',
    topic: TOPIC_TAG.test(topic) ? topic : '',
  };
}

export function writeFilters(filters: CatalogFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAM) as (keyof CatalogFilters)[]) {
    if (filters[key]) params.set(PARAM[key], filters[key]);
  }
  return params;
}

export function hasFilters(filters: CatalogFilters): boolean {
  return Object.values(filters).some(Boolean);
}

/** Query variables: only the filters in use, and the texts in the language of the page. */
export function filterVariables(
  filters: CatalogFilters,
  displayLanguage: string,
): CatalogModulesQueryVariables {
  return {
    first: MODULES_PAGE_SIZE,
    displayLanguage,
    ...(filters.gradeBand && { gradeBand: filters.gradeBand }),
    ...(filters.grade && { grade: Number(filters.grade) }),
    ...(filters.language && { language: filters.language }),
    ...(filters.topic && { topic: filters.topic }),
  };
}
