export * from './roles';
export * from './grades';
export * from './help';
