export * from './roles';
export * from './grades';
export * from './help';
export * from './authoring';
