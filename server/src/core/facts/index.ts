/**
 * Reference data shared by rules, hovers and completion (RULES.md §2). Pure data and small pure functions;
 * import from here rather than from the individual files.
 */
export * from './limits';
export * from './fargate-sizes';
export * from './fargate-support';
export * from './windows';
export * from './roles';
