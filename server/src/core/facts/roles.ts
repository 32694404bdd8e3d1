/**
 * Task role vs task execution role (RULES.md table 2b): the side-by-side comparison, what the managed
 * execution policy grants, which task-definition fields make ECS use the execution role, and what needs the
 * task role. Explanations are our own words; IAM action names are facts.
 */
export { isPrivateEcrImage, isPublicEcrImage, parsePrivateEcrImage, ecrImageAccount, PUBLIC_ECR_HOST } from './ecr-image';
export type { PrivateEcrImage, EcrHostKind } from './ecr-image';

/** Launch-type letters as in RULES.md §1.1 (U = unknown). */
export type LaunchCode = 'F' | 'E' | 'X' | 'M' | 'U';

/** The service principal both roles must trust. */
export const ECS_TASKS_PRINCIPAL = 'ecs-tasks.amazonaws.com';

/** One row of the comparison table. */
export interface RoleComparisonRow {
  readonly aspect: string;
  readonly executionRole: string;
  readonly taskRole: string;
}

/** Table 2b, in our words. Markdown inline code is allowed in the cells. */
export const ROLE_COMPARISON: readonly RoleComparisonRow[] = [
  {
    aspect: 'Field',
    executionRole: '`executionRoleArn`',
    taskRole: '`taskRoleArn`',
  },
  {
    aspect: 'Who uses it',
    executionRole: 'The ECS agent (on Fargate, the Fargate agent), on your behalf',
    taskRole: 'Your own code, in any container of the task',
  },
  {
    aspect: 'When',
    executionRole: 'While the task starts: pulling images, reading secrets and env files, setting up logging; later only to deliver logs',
    taskRole: 'As long as the task runs, each time the code calls an AWS API',
  },
  {
    aspect: 'Trusted principal',
    executionRole: '`ecs-tasks.amazonaws.com`',
    taskRole: '`ecs-tasks.amazonaws.com`',
  },
  {
    aspect: 'Visible to containers',
    executionRole: 'No: only the agent ever receives these credentials',
    taskRole: 'Yes: served at `169.254.170.2` under the path in `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`; AWS SDKs and the CLI find it on their own',
  },
  {
    aspect: 'Accepted value',
    executionRole: 'A role ARN, or just the role name (ECS adds your account)',
    taskRole: 'A role ARN, or just the role name (ECS adds your account)',
  },
  {
    aspect: 'Usual permissions',
    executionRole: '`AmazonECSTaskExecutionRolePolicy`, plus extra statements for secrets, KMS keys, S3 env files or log-group creation',
    taskRole: 'Whatever the application calls: S3, DynamoDB, SQS, …',
  },
  {
    aspect: 'Not to be mixed up with',
    executionRole: 'The container instance role (`ecsInstanceRole`, trusted by `ec2.amazonaws.com`) and the service-linked role `AWSServiceRoleForECS`',
    taskRole: 'The same two roles',
  },
];

/** Renders the comparison table as markdown (hover on either field, "explain roles" command). */
export function renderRoleTableMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = ['| | task execution role | task role |', '|---|---|---|'];
  for (const row of ROLE_COMPARISON) {
    lines.push(`| **${cell(row.aspect)}** | ${cell(row.executionRole)} | ${cell(row.taskRole)} |`);
  }
  return lines.join('\n');
}

/** The AWS managed policy most execution roles attach. */
export const EXECUTION_ROLE_MANAGED_POLICY = 'AmazonECSTaskExecutionRolePolicy';

/** Everything the managed execution policy allows (on every resource). Nothing for secrets, KMS, S3 or CreateLogGroup. */
export const EXECUTION_ROLE_POLICY_ACTIONS: readonly string[] = [
  'ecr:GetAuthorizationToken',
  'ecr:BatchCheckLayerAvailability',
  'ecr:GetDownloadUrlForLayer',
  'ecr:BatchGetImage',
  'logs:CreateLogStream',
  'logs:PutLogEvents',
];

const ALL_LAUNCH: readonly LaunchCode[] = ['F', 'E', 'X', 'M', 'U'];
const AGENT_LAUNCH: readonly LaunchCode[] = ['F', 'X', 'M'];
const ECR_PULL = EXECUTION_ROLE_POLICY_ACTIONS.slice(0, 4);

export type ExecutionRoleTriggerId =
  | 'private-ecr-image'
  | 'awslogs'
  | 'secrets-ssm'
  | 'secrets-secretsmanager'
  | 'log-secret-options'
  | 'repository-credentials'
  | 'environment-files'
  | 'firelens-s3-config'
  | 'credential-specs';

/** A task-definition setting that makes ECS act with the execution role. */
export interface ExecutionRoleTrigger {
  readonly id: ExecutionRoleTriggerId;
  /** Where it appears in the task definition. */
  readonly field: string;
  /** What triggers it, in our words. */
  readonly description: string;
  /** The same as a short noun phrase for one-line messages: "awslogs", "an SSM secret". */
  readonly label: string;
  /** What the agent does with the role, as a verb phrase: "pull the image". */
  readonly agentUse: string;
  /** Launch types on which this setting needs the execution role (elsewhere another role does the job). */
  readonly launchTypes: readonly LaunchCode[];
  /** IAM actions the execution role needs. */
  readonly actions: readonly string[];
  /** Extra actions needed only in some setups. */
  readonly conditionalActions?: readonly { readonly when: string; readonly actions: readonly string[] }[];
  /** A caveat in our words. */
  readonly note?: string;
  /** True when `AmazonECSTaskExecutionRolePolicy` grants `actions` (never `conditionalActions`). */
  readonly inManagedPolicy: boolean;
  /** True when registration itself fails without the role; otherwise the task fails when it starts. */
  readonly rejectedAtRegistration: boolean;
  /** False when the exact permissions are not confirmed. */
  readonly verified: boolean;
}

const CMK = { when: 'a customer-managed KMS key encrypts it', actions: ['kms:Decrypt'] } as const;

/** Table 2b "fields that need the execution role" (rule execution-role-required). */
export const EXECUTION_ROLE_TRIGGERS: readonly ExecutionRoleTrigger[] = [
  {
    id: 'private-ecr-image', field: 'containerDefinitions[].image',
    description: 'an image in a private Amazon ECR repository', label: 'a private ECR image', agentUse: 'pull the image',
    launchTypes: AGENT_LAUNCH, actions: ECR_PULL,
    note: 'For a repository in another account, its repository policy must also allow the role.',
    inManagedPolicy: true, rejectedAtRegistration: false, verified: true,
  },
  {
    id: 'awslogs', field: 'containerDefinitions[].logConfiguration.logDriver: "awslogs"',
    description: 'the awslogs log driver', label: 'awslogs', agentUse: 'write logs',
    launchTypes: AGENT_LAUNCH, actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    conditionalActions: [{ when: 'awslogs-create-group is "true"', actions: ['logs:CreateLogGroup'] }],
    inManagedPolicy: true, rejectedAtRegistration: false, verified: true,
  },
  {
    id: 'secrets-ssm', field: 'containerDefinitions[].secrets[].valueFrom (SSM parameter)',
    description: 'a secret read from SSM Parameter Store', label: 'an SSM secret', agentUse: 'read the secret',
    launchTypes: ALL_LAUNCH, actions: ['ssm:GetParameters'], conditionalActions: [CMK],
    inManagedPolicy: false, rejectedAtRegistration: true, verified: true,
  },
  {
    id: 'secrets-secretsmanager', field: 'containerDefinitions[].secrets[].valueFrom (Secrets Manager)',
    description: 'a secret read from Secrets Manager (also via /aws/reference/secretsmanager/…)', label: 'a Secrets Manager secret', agentUse: 'read the secret',
    launchTypes: ALL_LAUNCH, actions: ['secretsmanager:GetSecretValue'], conditionalActions: [CMK],
    inManagedPolicy: false, rejectedAtRegistration: true, verified: true,
  },
  {
    id: 'log-secret-options', field: 'containerDefinitions[].logConfiguration.secretOptions[]',
    description: 'a secret passed to the log driver', label: 'a log-driver secret', agentUse: 'read the secret',
    launchTypes: ALL_LAUNCH, actions: ['ssm:GetParameters', 'secretsmanager:GetSecretValue'], conditionalActions: [CMK],
    note: 'Only the action for the store the secret lives in is needed.',
    inManagedPolicy: false, rejectedAtRegistration: true, verified: true,
  },
  {
    id: 'repository-credentials', field: 'containerDefinitions[].repositoryCredentials.credentialsParameter',
    description: 'registry credentials kept in Secrets Manager', label: 'registry credentials', agentUse: 'read the registry credentials',
    launchTypes: ALL_LAUNCH, actions: ['secretsmanager:GetSecretValue'], conditionalActions: [CMK],
    inManagedPolicy: false, rejectedAtRegistration: false, verified: true,
  },
  {
    id: 'environment-files', field: 'containerDefinitions[].environmentFiles[] (type s3)',
    description: 'an environment file stored in S3', label: 'an S3 env file', agentUse: 'fetch the env file',
    launchTypes: ALL_LAUNCH, actions: ['s3:GetObject', 's3:GetBucketLocation'],
    inManagedPolicy: false, rejectedAtRegistration: false, verified: true,
  },
  {
    id: 'firelens-s3-config', field: 'containerDefinitions[].firelensConfiguration.options["config-file-type"]: "s3"',
    description: 'a FireLens configuration file fetched from S3', label: 'a FireLens config in S3', agentUse: 'fetch the FireLens config file',
    launchTypes: ['E'], actions: ['s3:GetObject', 's3:GetBucketLocation'],
    inManagedPolicy: false, rejectedAtRegistration: false, verified: true,
  },
  {
    id: 'credential-specs', field: 'containerDefinitions[].credentialSpecs (S3 or SSM ARN)',
    description: 'a gMSA credential spec stored in S3 or SSM', label: 'a gMSA credential spec', agentUse: 'read the credential spec',
    launchTypes: ALL_LAUNCH, actions: [],
    note: 'Needs read access to that S3 object or SSM parameter; the exact actions are not confirmed.',
    inManagedPolicy: false, rejectedAtRegistration: false, verified: false,
  },
];

/** Trigger lookup by id. */
export function executionRoleTrigger(id: ExecutionRoleTriggerId): ExecutionRoleTrigger {
  const t = EXECUTION_ROLE_TRIGGERS.find((x) => x.id === id);
  if (!t) throw new Error(`unknown execution role trigger ${id}`);
  return t;
}

/** True when `trigger` needs the execution role on any of the given launch types (U alone = unknown). */
export function triggerAppliesTo(trigger: ExecutionRoleTrigger, launch: readonly LaunchCode[]): boolean {
  return launch.some((l) => trigger.launchTypes.includes(l));
}

/** Something in or around a task definition that needs the task role. */
export interface TaskRoleNeed {
  readonly id: string;
  readonly need: string;
  /** IAM actions on the task role; empty when they depend on the setup (see `note`). */
  readonly permissions: readonly string[];
  readonly note?: string;
}

/** Table 2b "things that need the task role". */
export const TASK_ROLE_NEEDS: readonly TaskRoleNeed[] = [
  { id: 'app-aws-calls', need: 'application code that calls AWS APIs', permissions: [], note: 'Grant what the code calls, nothing more.' },
  {
    id: 'firelens-aws-destination', need: 'FireLens sending logs to an AWS service',
    permissions: [], note: 'Whatever the output plugin writes with, e.g. firehose:PutRecordBatch, CloudWatch Logs or S3 writes.',
  },
  {
    id: 'ecs-exec', need: 'ECS Exec (opening a shell in a running container)',
    permissions: ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'],
  },
  {
    id: 'efs-iam', need: 'an EFS volume with authorizationConfig.iam "ENABLED" (mounted with the task role)',
    permissions: ['elasticfilesystem:ClientMount'], note: 'Add ClientWrite / ClientRootAccess when the mount needs them.',
  },
  { id: 's3files-volume', need: 'an s3filesVolumeConfiguration volume', permissions: [], note: 'The API refuses this volume type without a task role.' },
];

/** Role names and ARN shapes accepted by `executionRoleArn` / `taskRoleArn` (rule role-arn-format). */
export const ROLE_ARN_REGEX = /^arn:aws(-cn|-us-gov|-iso[a-z-]*)?:iam::\d{12}:role\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
export const ROLE_NAME_REGEX = /^[\w+=,.@-]{1,64}$/;

export type NonTaskRoleKind = 'container-instance' | 'service-linked' | 'service';

/**
 * Tells whether a role name or ARN is a role ECS tasks cannot assume (rule role-confusion, case c):
 * container instance roles trust EC2; the legacy ECS service role and service-linked roles trust ECS itself.
 */
export function nonTaskRoleKind(roleNameOrArn: string): NonTaskRoleKind | undefined {
  const path = roleNameOrArn.replace(/^arn:[^:]*:iam::[^:]*:role\//, '');
  const name = path.split('/').pop() ?? path;
  if (path.startsWith('aws-service-role/') || name.startsWith('AWSServiceRoleFor')) return 'service-linked';
  if (name === 'ecsServiceRole') return 'service';
  if (name === 'ecsInstanceRole' || /InstanceRole|InstanceProfile/.test(name)) return 'container-instance';
  return undefined;
}
