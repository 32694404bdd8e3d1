/** The package version, set by the bundler (`dev` when run from source). */
declare const ECS_TASKDEF_VERSION: string | undefined;

export const VERSION: string = typeof ECS_TASKDEF_VERSION === 'string' ? ECS_TASKDEF_VERSION : 'dev';
