export * from './numbers/schema';
export * from './numbers/parse';
export * from './numbers/format';
export * from './formulas/result';
export * from './formulas/grid';
export * from './formulas/catalog';
export { DEFAULT_REGISTRIES, defaultMatcher } from './registry/default';
export * from './registry/schema';
export * from './registry/match';
