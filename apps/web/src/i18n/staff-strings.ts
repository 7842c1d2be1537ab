// The staff areas' texts (teacher, school, district, studio, catalog), in both languages: a chunk of its
// own, loaded with the first staff area opened (load-staff-strings.ts), never in a student's first load.
// `?staff` imports a second copy of the same file (vite.config.mts), so that these keys tree-shake into
// this chunk while the start keys imported by i18n.ts stay in the entry.
import {
  authoring,
  catalog,
  class as classStrings,
  compliance,
  district,
  report,
  school,
  studio,
  teacher,
  training,
} from './en.json?staff';
import {
  authoring as esAuthoring,
  catalog as esCatalog,
  class as esClass,
  compliance as esCompliance,
  district as esDistrict,
  report as esReport,
  school as esSchool,
  studio as esStudio,
  teacher as esTeacher,
  training as esTraining,
} from './es.json?staff';
import type { Language, Strings } from './i18n';

export const staffStrings: Record<Language, Strings> = {
  en: {
    authoring,
    catalog,
    class: classStrings,
    compliance,
    district,
    report,
    school,
    studio,
    teacher,
    training,
  },
  es: {
    authoring: esAuthoring,
    catalog: esCatalog,
    class: esClass,
    compliance: esCompliance,
    district: esDistrict,
    report: esReport,
    school: esSchool,
    studio: esStudio,
    teacher: esTeacher,
    training: esTraining,
  },
};
