export * from './conditions';
export * from './engine-scenario';
export * from './scenario-error';
export * from './engine';
export * from './summary';
