/**
 * The corpus table of the rule catalog (RULES.md §5, "Corpus coverage") as data: for each corpus file that
 * INDEX.tsv marks as a mistake (MISTAKE, LIKELY MISTAKE, SUSPECT, or a note the catalog maps to rules), the
 * rules that must report it and at which severity. corpus.test.ts checks these directly, independently of
 * expected.json. A file with an `error` target is a "mistake file"; every other file must get no error at all.
 */
import type { Severity } from '../../server/src/core/types';

export interface Target {
  rule: string;
  severity: Severity;
  /** Exact number of diagnostics of this rule at this severity in the file (the catalog's "×N"). */
  count?: number;
  /** Each text must appear on the first line of at least one of those diagnostics. */
  at?: string[];
}

export interface CorpusTarget {
  /** File name in test/corpus/files/. */
  file: string;
  /** The INDEX.tsv label, as §5 gives it. */
  label: string;
  targets: Target[];
}

export const CORPUS_TARGETS: readonly CorpusTarget[] = [
  {
    file: '0xbageltoes__credit-cashflow-engine__task-definition.json',
    label: 'MISTAKE',
    // The bare-word REGION/ACCOUNT_ID slots are placeholders; the four-segment `secret:NAME::` suffix is not.
    targets: [{ rule: 'secret-value-from-format', severity: 'error', count: 10, at: ['secret:credit-cashflow/'] }],
  },
  {
    file: '5sfayas__php-nginx-ecs-docker__task-definition.json',
    label: 'MISTAKE',
    targets: [
      { rule: 'links-unknown-container', severity: 'error', at: ['app-container:app-container'] },
      // One finding for the describe dump; its images have a <region> placeholder, so the deploy step replaces them.
      { rule: 'read-only-property', severity: 'warning', count: 1 },
    ],
  },
  {
    file: 'aws-samples__aws-containers-task-definitions__kibana__kibana_ec2.json',
    label: 'MISTAKE',
    targets: [{ rule: 'awsvpc-host-port', severity: 'error', at: ['hostPort'] }],
  },
  {
    file: 'aws-samples__aws-containers-task-definitions__tomcat__tomcat_ec2.json',
    label: 'MISTAKE',
    targets: [{ rule: 'awsvpc-host-port', severity: 'error', at: ['hostPort'] }],
  },
  {
    file: 'aws-samples__aws-containers-task-definitions__tomcat__tomcat_fargate.json',
    label: 'MISTAKE',
    targets: [{ rule: 'execution-role-required', severity: 'error' }],
  },
  {
    file: 'aws-samples__aws-containers-task-definitions__wildfly__wildfly_fargate.json',
    label: 'MISTAKE',
    targets: [
      { rule: 'execution-role-required', severity: 'error' },
      { rule: 'null-value', severity: 'warning', at: ['"ulimits"'] },
    ],
  },
  {
    file: 'Banbury-inc__banbury-cloud-backend__.aws__task-definition.json',
    label: 'MISTAKE',
    targets: [{ rule: 'container-memory-exceeds-task', severity: 'error', at: ['"memory": 1024'] }],
  },
  {
    file: 'BigRedS__tiny-telemetry__examples__ecs-task-definition.json',
    label: 'MISTAKE',
    targets: [{ rule: 'fargate-awslogs-stream-prefix', severity: 'error' }],
  },
  {
    file: 'Oxford-Research-Cloud-Competency-Centre__aws-seismic-data-pipeline__task-def.json',
    label: 'MISTAKES',
    targets: [
      { rule: 'fargate-unsupported-parameter', severity: 'error', at: ['"privileged"'] },
      { rule: 'unrendered-template-reference', severity: 'error', at: ['"Role.Arn"'] },
    ],
  },
  {
    file: 'rnzsgh__sample-cmd-task__container-definitions.json',
    label: 'MISTAKE',
    targets: [
      // Issue 14: the dropped value (false) differs from the one used (true), so an error.
      { rule: 'duplicate-key', severity: 'error', count: 1, at: ['"essential": false'] },
      { rule: 'null-value', severity: 'information', at: ['"image": ""'] },
    ],
  },
  {
    file: 'sebastiandusza__demo-docker-ecs-nginx-jenkinsfile__ci__ecs-task.json.tpl',
    label: 'MISTAKE (benign)',
    targets: [{ rule: 'duplicate-key', severity: 'warning', count: 1, at: ['"requiresCompatibilities"'] }],
  },
  {
    file: 'kayac__ecspresso__tests__td.json',
    label: 'MISTAKE',
    targets: [
      { rule: 'proxy-configuration-container', severity: 'error', at: ['"envoy"'] },
      { rule: 'app-mesh-discontinued', severity: 'warning' },
      { rule: 'read-only-property', severity: 'warning', at: ['"taskDefinition"'] },
    ],
  },
  {
    file: 'slacgismo__OpenADR_demo__terraform__templates__ecs__worker__devices_worker_task_definition.json.tpl',
    label: 'MISTAKE',
    targets: [
      // Issue 14: a task-level key in a container of a container array is dropped by Terraform: a warning.
      { rule: 'misplaced-property', severity: 'warning', count: 1, at: ['"runtimePlatform"'] },
      { rule: 'unknown-property', severity: 'warning', count: 1, at: ['"HealthCheck"'] },
    ],
  },
  {
    file: 'jay-li-0202__aws-infrastructure__applications__basisregisters__site__ecs-site.json.tpl',
    label: 'MISTAKE',
    targets: [
      { rule: 'json-syntax', severity: 'information', count: 2, at: ['${site_port}'] },
      { rule: 'misplaced-property', severity: 'warning', at: ['"networkMode"'] }, // issue 14: Terraform drops it
    ],
  },
  {
    file: 'xiongye77__terraform-ecs-carsales__carsales1.json.tpl',
    label: 'MISTAKE',
    targets: [{ rule: 'unrendered-template-reference', severity: 'error', count: 1, at: ['aws_efs_file_system.efs_volume.creation_token'] }],
  },
  {
    file: 'aws-observability__aws-otel-collector__examples__ecs__aws-cloudwatch__ecs-fargate-sidecar.json',
    label: 'LIKELY MISTAKE',
    targets: [
      // Issue 14: no probe runs and the health stays UNKNOWN, but no container waits for HEALTHY: a warning.
      { rule: 'health-check-command', severity: 'warning', at: ['"/healthcheck"'] },
      { rule: 'health-check-range', severity: 'warning' },
    ],
  },
  {
    file: '2-chanhee__ecs-on-fargate-infrastructure__task-definition.json',
    label: 'SUSPECT',
    // No error here: the JS SDK behind the GitHub deploy action converts "3000" and drops the empty values.
    targets: [
      { rule: 'wrong-type', severity: 'warning', count: 1, at: ['"3000"'] },
      // One finding per object with empty values (the container, the task); the other 12 keys are faded hints.
      { rule: 'null-value', severity: 'warning', count: 2, at: ['"resourceRequirements"', '"taskRoleArn"'] },
      { rule: 'null-value', severity: 'hint', count: 12, at: ['"repositoryCredentials"'] },
    ],
  },
  {
    file: 'aws-samples__amazon-ecs-firelens-examples__examples__fluent-bit__efs__task-definition.json',
    label: 'note: dummy 11-digit account',
    targets: [
      { rule: 'role-arn-format', severity: 'error', at: ['11111111111'] },
      { rule: 'efs-transit-encryption', severity: 'warning' },
    ],
  },
  {
    file: '1clickcampaign__Backend_MVP__.aws__task-definition.json',
    label: 'NOTE',
    // The real problem (the workflow renders a container name that is not in the file) is not in this file.
    targets: [{ rule: 'plaintext-secret', severity: 'warning' }],
  },
];

/** Files with at least one error-level target: the only files allowed to get errors. */
export const MISTAKE_FILES: ReadonlySet<string> = new Set(
  CORPUS_TARGETS.filter((t) => t.targets.some((x) => x.severity === 'error')).map((t) => t.file),
);
