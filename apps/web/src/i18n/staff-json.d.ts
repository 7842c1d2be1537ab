/**
 * `en.json?staff`, `es.json?staff`: a second copy of a strings file whose named imports tree-shake into
 * the staff chunk (vite.config.mts; Jest maps it to the file itself). Only the staff keys are declared.
 */
declare module '*.json?staff' {
  interface Strings {
    readonly [key: string]: string | Strings;
  }
  export const authoring: Strings;
  export const catalog: Strings;
  const classStrings: Strings;
  export { classStrings as class };
  export const compliance: Strings;
  export const district: Strings;
  export const report: Strings;
  export const school: Strings;
  export const studio: Strings;
  export const teacher: Strings;
  export const training: Strings;
}
