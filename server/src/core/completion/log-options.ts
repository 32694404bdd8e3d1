/**
 * Known `logConfiguration.options` keys per log driver, and `firelensConfiguration.options` keys, with a short
 * explanation each (our words). Used by completion (keys and values) and by hovers on option keys.
 */
export interface OptionInfo {
  readonly key: string;
  readonly doc: string;
  /** Values to offer, when the option takes one of a few. */
  readonly values?: readonly string[];
  readonly required?: string;
}

const AWSLOGS: readonly OptionInfo[] = [
  { key: 'awslogs-group', doc: 'CloudWatch Logs log group that receives the output.', required: 'always' },
  { key: 'awslogs-region', doc: 'Region of that log group (it may differ from the cluster Region).', required: 'always' },
  { key: 'awslogs-stream-prefix', doc: 'Prefix of the log stream names; streams are named `prefix/container-name/task-id`, which ties each stream to its task.', required: 'on Fargate' },
  { key: 'awslogs-create-group', doc: 'Set to `"true"` to create the log group when it is missing; the execution role then needs `logs:CreateLogGroup`.', values: ['true', 'false'] },
  { key: 'mode', doc: '`non-blocking` buffers log lines so the application never waits (lines can be dropped when the buffer is full); `blocking` makes the application wait for delivery.', values: ['non-blocking', 'blocking'] },
  { key: 'max-buffer-size', doc: 'Size of the non-blocking buffer, e.g. `"25m"`. Only used with `mode` `non-blocking`.' },
  { key: 'awslogs-datetime-format', doc: 'A strftime pattern (e.g. `"%Y-%m-%d %H:%M:%S"`) that marks the first line of each multi-line log message.' },
  { key: 'awslogs-multiline-pattern', doc: 'A regular expression that marks the first line of each multi-line log message. Ignored when `awslogs-datetime-format` is set.' },
];

const SPLUNK: readonly OptionInfo[] = [
  { key: 'splunk-url', doc: 'URL of the Splunk HTTP Event Collector, e.g. `https://splunk.example.com:8088`.', required: 'always' },
  { key: 'splunk-token', doc: 'HEC token. Better passed through `secretOptions` than in plain text.', required: 'always (here or in secretOptions)' },
  { key: 'splunk-source', doc: 'Event source.' },
  { key: 'splunk-sourcetype', doc: 'Event source type.' },
  { key: 'splunk-index', doc: 'Index the events go to.' },
  { key: 'splunk-format', doc: 'Message format: `inline`, `json` or `raw`.', values: ['inline', 'json', 'raw'] },
  { key: 'splunk-verify-connection', doc: 'Check the connection to Splunk when the container starts (`"true"` or `"false"`).', values: ['true', 'false'] },
  { key: 'splunk-gzip', doc: 'Compress the events with gzip.', values: ['true', 'false'] },
  { key: 'splunk-insecureskipverify', doc: "Skip TLS verification of Splunk's certificate (avoid in production).", values: ['true', 'false'] },
  { key: 'splunk-capath', doc: 'Path to the CA certificate on the host.' },
  { key: 'tag', doc: 'Template for the tag attached to each message.' },
];

const FIRELENS: readonly OptionInfo[] = [
  { key: 'Name', doc: 'The output plugin, e.g. `cloudwatch_logs`, `kinesis_firehose`, `kinesis_streams`, `s3`, `opensearch`, `datadog`.', required: 'always' },
  { key: 'region', doc: 'Region of the destination.' },
  { key: 'log_group_name', doc: 'cloudwatch_logs: the log group.' },
  { key: 'log_stream_prefix', doc: 'cloudwatch_logs: prefix of the log stream names.' },
  { key: 'log_stream_name', doc: 'cloudwatch_logs: a fixed log stream name.' },
  { key: 'auto_create_group', doc: 'cloudwatch_logs: create the log group when missing (`"true"`); the task role needs `logs:CreateLogGroup`.', values: ['true', 'false'] },
  { key: 'delivery_stream', doc: 'kinesis_firehose: the delivery stream.' },
  { key: 'stream', doc: 'kinesis_streams: the data stream.' },
  { key: 'bucket', doc: 's3: the bucket.' },
  { key: 'retry_limit', doc: 'How many times Fluent Bit retries a failed delivery.' },
];

const FLUENTD: readonly OptionInfo[] = [
  { key: 'fluentd-address', doc: 'Where the Fluentd daemon listens, e.g. `localhost:24224`.' },
  { key: 'fluentd-async', doc: 'Connect in the background instead of blocking the container start.', values: ['true', 'false'] },
  { key: 'fluentd-buffer-limit', doc: 'Maximum number of events buffered in memory.' },
  { key: 'tag', doc: 'Template for the Fluentd tag.' },
];

const GELF: readonly OptionInfo[] = [
  { key: 'gelf-address', doc: 'Address of the GELF server, e.g. `udp://graylog:12201`.', required: 'always' },
  { key: 'gelf-compression-type', doc: 'Compression for UDP: `gzip`, `zlib` or `none`.', values: ['gzip', 'zlib', 'none'] },
  { key: 'tag', doc: 'Template for the message tag.' },
];

const SYSLOG: readonly OptionInfo[] = [
  { key: 'syslog-address', doc: 'Syslog server, e.g. `tcp://host:514` or `unix:///dev/log`.' },
  { key: 'syslog-facility', doc: 'Syslog facility, e.g. `daemon`, `local0`.' },
  { key: 'syslog-format', doc: 'Message format: `rfc5424`, `rfc5424micro` or `rfc3164`.', values: ['rfc5424', 'rfc5424micro', 'rfc3164'] },
  { key: 'tag', doc: 'Template for the message tag.' },
];

const JSON_FILE: readonly OptionInfo[] = [
  { key: 'max-size', doc: 'Rotate the log file at this size, e.g. `"10m"`.' },
  { key: 'max-file', doc: 'How many rotated files to keep (needs `max-size`).' },
  { key: 'compress', doc: 'Compress rotated files.', values: ['true', 'false'] },
  { key: 'labels', doc: 'Comma-separated Docker label keys to include with each line.' },
  { key: 'env', doc: 'Comma-separated environment variable names to include with each line.' },
];

const JOURNALD: readonly OptionInfo[] = [
  { key: 'tag', doc: 'Template for the journal `CONTAINER_TAG`.' },
  { key: 'labels', doc: 'Comma-separated Docker label keys to add as journal fields.' },
  { key: 'env', doc: 'Comma-separated environment variable names to add as journal fields.' },
];

export const LOG_DRIVER_OPTIONS: Readonly<Record<string, readonly OptionInfo[]>> = {
  awslogs: AWSLOGS,
  splunk: SPLUNK,
  awsfirelens: FIRELENS,
  fluentd: FLUENTD,
  gelf: GELF,
  syslog: SYSLOG,
  'json-file': JSON_FILE,
  journald: JOURNALD,
};

/** `firelensConfiguration.options` keys. */
export const FIRELENS_CONFIG_OPTIONS: readonly OptionInfo[] = [
  { key: 'enable-ecs-log-metadata', doc: 'Add the ECS metadata fields (cluster, task ARN, container name…) to every record; on by default.', values: ['true', 'false'] },
  { key: 'config-file-type', doc: 'Where a custom Fluent Bit/Fluentd config file comes from: `file` (inside the router image) or `s3` (EC2 only; the execution role fetches it).', values: ['file', 's3'] },
  { key: 'config-file-value', doc: 'The path of the config file in the image, or the S3 object ARN.' },
];

export function logOption(driver: string | undefined, key: string): OptionInfo | undefined {
  return driver ? LOG_DRIVER_OPTIONS[driver]?.find((o) => o.key === key) : undefined;
}
