/**
 * aws_ecs_task_definition's arguments and nested blocks (AWS provider 5.x/6.x) and the RegisterTaskDefinition
 * member each one becomes. Arguments the provider does not take are not mapped: `terraform validate` reports them.
 */

export const TF_TASK_DEFINITION = 'aws_ecs_task_definition';
export const TF_SERVICE = 'aws_ecs_service';

export interface TfField {
  /** API member name. */
  api: string;
  /** The value is a string in the API (Terraform converts `cpu = 256` to "256"). */
  string?: true;
  /** The value is a number in the API (Terraform converts `"2049"`). */
  number?: true;
  /** A nested block that may repeat: each block is one element of the API's list. */
  list?: true;
  /** A map argument whose keys are the user's (driver options, labels). */
  freeMap?: true;
  /** A map argument that the API takes as a list of `{ name, value }`. */
  nameValueList?: true;
  /** Nested fields of a block. */
  fields?: Record<string, TfField>;
}

const AUTH_EFS: Record<string, TfField> = { access_point_id: { api: 'accessPointId' }, iam: { api: 'iam' } };
const AUTH_FSX: Record<string, TfField> = { credentials_parameter: { api: 'credentialsParameter' }, domain: { api: 'domain' } };

export const TASK_FIELDS: Record<string, TfField> = {
  family: { api: 'family' },
  container_definitions: { api: 'containerDefinitions' },
  cpu: { api: 'cpu', string: true },
  memory: { api: 'memory', string: true },
  execution_role_arn: { api: 'executionRoleArn' },
  task_role_arn: { api: 'taskRoleArn' },
  network_mode: { api: 'networkMode' },
  ipc_mode: { api: 'ipcMode' },
  pid_mode: { api: 'pidMode' },
  requires_compatibilities: { api: 'requiresCompatibilities' },
  enable_fault_injection: { api: 'enableFaultInjection' },
  runtime_platform: { api: 'runtimePlatform', fields: { operating_system_family: { api: 'operatingSystemFamily' }, cpu_architecture: { api: 'cpuArchitecture' } } },
  ephemeral_storage: { api: 'ephemeralStorage', fields: { size_in_gib: { api: 'sizeInGiB', number: true } } },
  proxy_configuration: {
    api: 'proxyConfiguration',
    fields: { type: { api: 'type' }, container_name: { api: 'containerName' }, properties: { api: 'properties', nameValueList: true } },
  },
  placement_constraints: { api: 'placementConstraints', list: true, fields: { type: { api: 'type' }, expression: { api: 'expression' } } },
  inference_accelerator: { api: 'inferenceAccelerators', list: true, fields: { device_name: { api: 'deviceName' }, device_type: { api: 'deviceType' } } },
  volume: {
    api: 'volumes',
    list: true,
    fields: {
      name: { api: 'name' },
      host_path: { api: 'host' }, // becomes host.sourcePath (tf-task.ts)
      configure_at_launch: { api: 'configuredAtLaunch' },
      docker_volume_configuration: {
        api: 'dockerVolumeConfiguration',
        fields: {
          scope: { api: 'scope' },
          autoprovision: { api: 'autoprovision' },
          driver: { api: 'driver' },
          driver_opts: { api: 'driverOpts', freeMap: true },
          labels: { api: 'labels', freeMap: true },
        },
      },
      efs_volume_configuration: {
        api: 'efsVolumeConfiguration',
        fields: {
          file_system_id: { api: 'fileSystemId' },
          root_directory: { api: 'rootDirectory' },
          transit_encryption: { api: 'transitEncryption' },
          transit_encryption_port: { api: 'transitEncryptionPort', number: true },
          authorization_config: { api: 'authorizationConfig', fields: AUTH_EFS },
        },
      },
      fsx_windows_file_server_volume_configuration: {
        api: 'fsxWindowsFileServerVolumeConfiguration',
        fields: { file_system_id: { api: 'fileSystemId' }, root_directory: { api: 'rootDirectory' }, authorization_config: { api: 'authorizationConfig', fields: AUTH_FSX } },
      },
    },
  },
};

/** API member name → Terraform argument name, for messages and fix titles (`executionRoleArn` → `execution_role_arn`). */
const TF_NAME = new Map<string, string>();
(function index(fields: Record<string, TfField>) {
  for (const [tf, f] of Object.entries(fields)) {
    if (!TF_NAME.has(f.api)) TF_NAME.set(f.api, tf);
    if (f.fields) index(f.fields);
  }
})(TASK_FIELDS);
TF_NAME.set('sourcePath', 'host_path');

export function tfNameOf(api: string): string | undefined {
  return TF_NAME.get(api);
}

/** Task-level API names in a message, in Terraform's spelling: `executionRoleArn` → `execution_role_arn`. */
export function tfWording(message: string): string {
  return message.replace(/(?<![\w$/:-])([a-z][a-z0-9]*[A-Z][A-Za-z0-9]*)(?![\w(-])/g, (w) => (w === 'containerName' ? w : (tfNameOf(w) ?? w)));
}

/** Longest message a diagnostic carries (the project's standard). */
const MAX_MESSAGE = 160;

/**
 * `address: message`, with a long module address shortened from the left (`…module.b.aws_ecs_service.web`,
 * then the resource alone) so the message stays within 160 characters where it can.
 */
export function shortenAddress(address: string, message: string): string {
  const full = `${address}: ${message}`;
  if (full.length <= MAX_MESSAGE || !address.startsWith('module.')) return full;
  const parts = address.split('.');
  // Keep `type.name` (the last two parts) and as many module levels before it as fit.
  for (let keep = parts.length - 2; keep >= 2; keep -= 2) {
    const short = `…${parts.slice(parts.length - keep).join('.')}`;
    if (short.length + 2 + message.length <= MAX_MESSAGE || keep === 2) return `${short}: ${message}`;
  }
  return `…${parts.slice(-2).join('.')}: ${message}`;
}

interface Resolved {
  name: string;
  value: unknown;
  file?: string;
}

/**
 * A finding on a `var.x`/`local.x` whose value the module declares: related information says where the value
 * comes from, and a variable's default (which a tfvars file or -var may replace) is at most a warning.
 */
export function resolvedNote(d: { range: { offset: number; length: number }; severity: string; related?: Array<{ range: { offset: number; length: number }; message: string }> }, resolved: ReadonlyMap<number, Resolved>): void {
  for (const [at, v] of resolved) {
    // The finding is on the reference itself (resolved values carry the reference's range).
    if (d.range.offset < at || d.range.offset + d.range.length > at + v.name.length) continue;
    const where = v.file ? ` in ${v.file.slice(v.file.replace(/\\/g, '/').lastIndexOf('/') + 1)}` : '';
    const isVar = v.name.startsWith('var.');
    const message = isVar ? `${v.name} is ${JSON.stringify(v.value)} by its default${where}; a .tfvars file or -var may set another value.` : `${v.name} is ${JSON.stringify(v.value)}, set${where} in locals.`;
    d.related = [{ range: { offset: at, length: v.name.length }, message }, ...(d.related ?? [])];
    if (isVar && d.severity === 'error') d.severity = 'warning';
    return;
  }
}

/**
 * unknown-property inside container_definitions, as Terraform treats it: the provider decodes the JSON with Go's
 * encoding/json, which drops unknown keys without a word and matches keys without regard to case. So a typo
 * (`enviroment`) deploys a task without that setting, and `Image` works (a warning unless the user set a severity).
 */
export function droppedKeyWording(d: { code: string; severity: string; message: string }, userSeverity: string | undefined): void {
  if (d.code !== 'unknown-property') return;
  const m = /^Unknown property '([^']+)' in (.+?)\. (Did you mean '([^']+)'\?|Valid keys here include: .*?\.)(?: Terraform accepts the wrong case, but the AWS CLI rejects it\.)?$/.exec(d.message);
  if (!m) return;
  const [, prop, where, hint, suggestion] = m;
  if (suggestion !== undefined && suggestion.toLowerCase() === prop.toLowerCase()) {
    d.message = `'${prop}' in ${where} works in Terraform, which matches keys regardless of case; the API's name is '${suggestion}'.`;
    if (!userSeverity && d.severity === 'error') d.severity = 'warning';
    return;
  }
  d.message = `Unknown property '${prop}' in ${where}: Terraform drops it without a word. ${hint}`;
}
