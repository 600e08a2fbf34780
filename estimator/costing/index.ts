export * from './types';
export * from './lines';
export * from './cashflow';
export * from './owned';
export * from './cloud';
