export * from './model';
export * from './schema';
export * from './rules';
export * from './school-year';
export * from './local-rules';
export * from './evaluate';
export * from './training';
export * from './display';
