export * from './types';
export * from './layout';
export * from './resolve';
export * from './compare';
export * from './suggest';
export * from './engine';
export * from './sensitivity';
