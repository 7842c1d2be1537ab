export * from './model';
export * from './normalise';
export * from './phrases';
export * from './match';
