/**
 * What the awslogs log driver accepts (Docker's awslogs ValidateLogOpt, the ECS developer guide's awslogs page,
 * and the logger-wide `mode`/`max-buffer-size`). Data only; rule awslogs-options decides what to report.
 */

/** Option keys the driver accepts. Docker refuses any other key, and the container does not start. */
export const AWSLOGS_OPTION_KEYS: readonly string[] = [
  'awslogs-group',
  'awslogs-region',
  'awslogs-stream-prefix', // ECS: turned into awslogs-stream by the agent
  'awslogs-stream',
  'awslogs-create-group',
  'awslogs-create-stream',
  'awslogs-endpoint',
  'awslogs-datetime-format',
  'awslogs-multiline-pattern',
  'awslogs-credentials-endpoint', // set by the ECS agent
  'awslogs-force-flush-interval-seconds',
  'awslogs-max-buffered-events',
  'awslogs-format',
  'tag',
  'mode',
  'max-buffer-size',
];

/** CloudWatch Logs log group names: 1–512 characters of these. */
export const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;

/** A size as Docker reads it (units.RAMInBytes): `25m`, `4MiB`, `1048576`, `10 MB`. */
export const DOCKER_SIZE = /^\d+(\.\d+)? ?([kKmMgGtTpP][iI]?)?[bB]?$/;
