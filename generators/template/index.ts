export * from './cfn';
export * from './synth';
export * from './writer';
export type { Provenance, BuildProblem } from './builder';
export * from './locate';
export * from './review';
