/**
 * The part of the curriculum library that runs in a browser as well as in Node: parsing, validating,
 * the authoring document (canonical writer and reader, anchored validation, zips, content diffs,
 * version bumps, translation staleness). It leaves out what needs Node: reading folders
 * (`load-module.ts`), compiling bundles (`compile.ts`, which hashes with node:crypto) and the CLI.
 * `browser.spec.ts` checks that nothing reachable from here imports a `node:` module.
 */
export * from './issues';
export * from './vocabulary';
export * from './schemas';
export * from './upgraders';
export * from './scenario-graph';
export * from './lesson-markdown';
export * from './localized';
export * from './parse';
export * from './readability';
export * from './render';
export * from './validate';
export * from './scaffold';
export * from './stats';
export * from './mandate-coverage';
export * from './document';
export * from './authoring/canonical-yaml';
export * from './authoring/document-files';
export * from './authoring/document-validate';
export * from './authoring/module-zip';
export * from './authoring/localized-fields';
export * from './authoring/translations';
export * from './authoring/document-diff';
