export * from './finding';
export * from './rules';
export * from './checker';
export { NodePortRange } from './service-rules';
