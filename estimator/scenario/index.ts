export * from './money';
export * from './defaults';
export * from './rows';
export * from './schema';
export * from './migrate';
