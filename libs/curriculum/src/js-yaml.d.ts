/**
 * The two members of js-yaml this library uses (the package ships no types and @types/js-yaml is not a
 * dependency). Referenced from yaml-source.ts so that every project compiling this library sees it.
 */
declare module 'js-yaml' {
  const jsYaml: {
    load(text: string, options?: { schema?: unknown; json?: boolean }): unknown;
    CORE_SCHEMA: unknown;
  };
  export default jsYaml;
}
