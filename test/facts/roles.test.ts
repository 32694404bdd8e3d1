import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ECS_TASKS_PRINCIPAL,
  EXECUTION_ROLE_POLICY_ACTIONS,
  EXECUTION_ROLE_TRIGGERS,
  ROLE_ARN_REGEX,
  ROLE_COMPARISON,
  ROLE_NAME_REGEX,
  TASK_ROLE_NEEDS,
  ecrImageAccount,
  executionRoleTrigger,
  isPrivateEcrImage,
  isPublicEcrImage,
  nonTaskRoleKind,
  parsePrivateEcrImage,
  renderRoleTableMarkdown,
  triggerAppliesTo,
} from '../../server/src/core/facts/index';

describe('private ECR image detection', () => {
  const privateImages = [
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app@sha256:abc',
    '123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/app',
    '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:latest',
    '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/app:1',
    '123456789012.dkr-ecr.us-east-1.on.aws/app:1',
    '123456789012.dkr-ecr-fips.us-east-1.on.aws/app:1',
    '123456789012.DKR.ECR.US-EAST-1.AMAZONAWS.COM/app:1',
    '  123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1 ',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com',
    // placeholders in the account or region slot
    '${ACCOUNT_ID}.dkr.ecr.${AWS_REGION}.amazonaws.com/app:${TAG}',
    '<ACCOUNT_ID>.dkr.ecr.<REGION>.amazonaws.com/app',
    '<your-aws-account-id>.dkr.ecr.us-east-1.amazonaws.com/app',
    '{{ x }}.dkr.ecr.{{ .Env.REGION }}.amazonaws.com/app',
    "{{ must_env `ACCOUNT` }}.dkr.ecr.eu-west-1.amazonaws.com/app",
    'ACCOUNT_ID.dkr.ecr.REGION.amazonaws.com/app',
    '$AWS_ACCOUNT_ID.dkr.ecr.$AWS_REGION.amazonaws.com/app',
    '$$$ACCOUNT$$$.dkr.ecr.us-east-1.amazonaws.com/app',
    '#{Account}.dkr.ecr.#{Region}.amazonaws.com/app',
    'xxxxxxxxxxxx.dkr.ecr.us-east-1.amazonaws.com/app',
    'your-account-id.dkr.ecr.us-east-1.amazonaws.com/app',
    '[account id].dkr.ecr.us-east-1.amazonaws.com/app',
  ];
  for (const image of privateImages) {
    it(`private: ${image}`, () => {
      assert.equal(isPrivateEcrImage(image), true);
      assert.equal(isPublicEcrImage(image), false);
    });
  }

  const notPrivate = [
    'nginx:1.27',
    'library/nginx',
    'docker.io/library/nginx:latest',
    'public.ecr.aws/nginx/nginx:1.27',
    'ghcr.io/org/app:1',
    'quay.io/prometheus/node-exporter',
    '${image}',
    '<IMAGE1_NAME>',
    '${ECR_REGISTRY}/app:1',
    'dkr.ecr.us-east-1.amazonaws.com/app', // no account
    '12345678901.dkr.ecr.us-east-1.amazonaws.com/app', // 11 digits
    '1234567890123.dkr.ecr.us-east-1.amazonaws.com/app', // 13 digits
    '123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.example/app',
    '123456789012.dkr.ecr.us-east-1.amazonaws.co/app',
    '123456789012.ecr.us-east-1.amazonaws.com/app',
    '123456789012.dkr.ecr.amazonaws.com/app', // no region
    'registry.example.com/123456789012.dkr.ecr.us-east-1.amazonaws.com/app',
    'evil.example/123456789012.dkr.ecr.us-east-1.amazonaws.com',
    'my-123456789012.dkr.ecr.us-east-1.amazonaws.com/app',
    'localhost:5000/app',
    '',
  ];
  for (const image of notPrivate) {
    it(`not private: ${JSON.stringify(image)}`, () => {
      assert.equal(isPrivateEcrImage(image), false);
    });
  }

  it('recognises ECR Public only by its host', () => {
    assert.equal(isPublicEcrImage('public.ecr.aws/nginx/nginx:1.27'), true);
    assert.equal(isPublicEcrImage('PUBLIC.ECR.AWS/docker/library/redis'), true);
    assert.equal(isPublicEcrImage('public.ecr.aws.evil.example/x'), false);
    assert.equal(isPublicEcrImage('gallery.ecr.aws/nginx/nginx'), false);
    assert.equal(isPublicEcrImage('nginx'), false);
  });

  it('parses host details', () => {
    const p = parsePrivateEcrImage('123456789012.dkr-ecr-fips.us-east-2.on.aws/a/b:1');
    assert.deepEqual(p, {
      host: '123456789012.dkr-ecr-fips.us-east-2.on.aws',
      account: '123456789012',
      region: 'us-east-2',
      accountIsPlaceholder: false,
      regionIsPlaceholder: false,
      kind: 'dual-stack-fips',
      domain: 'on.aws',
    });
    const t = parsePrivateEcrImage('${ACCOUNT_ID}.dkr.ecr.REGION.amazonaws.com.cn/app');
    assert.equal(t?.account, '${ACCOUNT_ID}');
    assert.equal(t?.accountIsPlaceholder, true);
    assert.equal(t?.regionIsPlaceholder, true);
    assert.equal(t?.domain, 'amazonaws.com.cn');
    assert.equal(parsePrivateEcrImage('123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/x')?.kind, 'fips');
  });

  it('gives the account only when it is real', () => {
    assert.equal(ecrImageAccount('123456789012.dkr.ecr.us-east-1.amazonaws.com/app'), '123456789012');
    assert.equal(ecrImageAccount('${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/app'), undefined);
    assert.equal(ecrImageAccount('nginx'), undefined);
  });
});

describe('role facts (2b)', () => {
  it('lists exactly the six actions of the managed execution policy', () => {
    assert.deepEqual([...EXECUTION_ROLE_POLICY_ACTIONS].sort(), [
      'ecr:BatchCheckLayerAvailability',
      'ecr:BatchGetImage',
      'ecr:GetAuthorizationToken',
      'ecr:GetDownloadUrlForLayer',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
    assert.ok(!EXECUTION_ROLE_POLICY_ACTIONS.includes('logs:CreateLogGroup'));
  });

  it('keeps inManagedPolicy consistent with the policy actions', () => {
    for (const t of EXECUTION_ROLE_TRIGGERS) {
      const covered = t.actions.length > 0 && t.actions.every((a) => EXECUTION_ROLE_POLICY_ACTIONS.includes(a));
      assert.equal(t.inManagedPolicy, covered, t.id);
      for (const c of t.conditionalActions ?? []) {
        for (const a of c.actions) assert.ok(!EXECUTION_ROLE_POLICY_ACTIONS.includes(a), `${t.id}: ${a}`);
      }
    }
    assert.deepEqual(executionRoleTrigger('awslogs').conditionalActions?.[0]?.actions, ['logs:CreateLogGroup']);
  });

  it('has unique trigger ids and the launch types of the table', () => {
    const ids = EXECUTION_ROLE_TRIGGERS.map((t) => t.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(ids.length, 9);
    const ecr = executionRoleTrigger('private-ecr-image');
    assert.deepEqual([...ecr.launchTypes].sort(), ['F', 'M', 'X']);
    assert.equal(triggerAppliesTo(ecr, ['E']), false);
    assert.equal(triggerAppliesTo(ecr, ['E', 'X']), true);
    assert.equal(triggerAppliesTo(ecr, ['U']), false);
    assert.equal(triggerAppliesTo(executionRoleTrigger('secrets-ssm'), ['U']), true);
    assert.equal(triggerAppliesTo(executionRoleTrigger('secrets-ssm'), ['E']), true);
    assert.deepEqual(executionRoleTrigger('firelens-s3-config').launchTypes, ['E']);
    assert.equal(executionRoleTrigger('credential-specs').verified, false);
    assert.equal(executionRoleTrigger('secrets-secretsmanager').rejectedAtRegistration, true);
    assert.equal(executionRoleTrigger('awslogs').rejectedAtRegistration, false);
  });

  it('lists the ECS Exec actions for the task role', () => {
    const exec = TASK_ROLE_NEEDS.find((n) => n.id === 'ecs-exec');
    assert.equal(exec?.permissions.length, 4);
    assert.ok(exec?.permissions.every((p) => p.startsWith('ssmmessages:')));
  });

  it('renders a well-formed side-by-side table', () => {
    const md = renderRoleTableMarkdown();
    const lines = md.split('\n');
    assert.equal(lines.length, 2 + ROLE_COMPARISON.length);
    for (const line of lines) {
      const cells = line.replace(/\\\|/g, '').split('|').length - 2;
      assert.equal(cells, 3, line);
    }
    assert.match(md, /`executionRoleArn`/);
    assert.match(md, /`taskRoleArn`/);
    assert.match(md, /169\.254\.170\.2/);
    assert.ok(md.includes(ECS_TASKS_PRINCIPAL));
  });

  it('matches role ARNs and bare role names', () => {
    assert.match('arn:aws:iam::123456789012:role/ecsTaskExecutionRole', ROLE_ARN_REGEX);
    assert.match('arn:aws-cn:iam::123456789012:role/path/to/app', ROLE_ARN_REGEX);
    assert.doesNotMatch('arn:aws:iam::11111111111:role/app', ROLE_ARN_REGEX);
    assert.doesNotMatch('arn:aws:iam::123456789012:policy/exec', ROLE_ARN_REGEX);
    assert.match('ecsTaskExecutionRole', ROLE_NAME_REGEX);
    assert.doesNotMatch('my role', ROLE_NAME_REGEX);
  });

  it('spots roles tasks cannot assume', () => {
    assert.equal(nonTaskRoleKind('ecsInstanceRole'), 'container-instance');
    assert.equal(nonTaskRoleKind('arn:aws:iam::123456789012:role/ecsInstanceRole'), 'container-instance');
    assert.equal(nonTaskRoleKind('prod-EcsInstanceProfile'), 'container-instance');
    assert.equal(nonTaskRoleKind('arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS'), 'service-linked');
    assert.equal(nonTaskRoleKind('AWSServiceRoleForECS'), 'service-linked');
    assert.equal(nonTaskRoleKind('ecsServiceRole'), 'service');
    assert.equal(nonTaskRoleKind('ecsTaskExecutionRole'), undefined);
    assert.equal(nonTaskRoleKind('orders-api-task'), undefined);
  });
});
