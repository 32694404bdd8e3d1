// The code half of invalid-format (format-checks.ts); the schema-pattern half is tested with the schema.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'invalid-format';
const container = (props: string, top = '') => `{\n  "family": "app",${top}\n  "containerDefinitions": [{ "name": "app", "memory": 256, ${props} }]\n}`;
const msgs = (props: string, top = '') => only(container(props, top), ID).map((d) => `${d.severity}: ${d.message}`);

describe(`${ID} (code checks)`, () => {
  it('image: error on the value, with the reason', () => {
    const [d] = expectRanges(container('"image": ⟦"nginx@sha256:ABC"⟧'), ID);
    assert.equal(d.message, "'nginx@sha256:ABC' is not a valid image reference: a sha256 digest uses lowercase hex digits (0-9, a-f) only.");
    assert.equal(d.severity, 'error');
  });

  it('image: uppercase repository is a warning with a lowercase fix that leaves host and tag alone', () => {
    const text = container('"image": "Registry.Example.com:5000/MyTeam/App:V1.0"');
    const [d] = only(text, ID);
    assert.equal(d.severity, 'warning');
    assert.equal(d.diagnostic.fixes?.[0].title, 'Lowercase the repository');
    const fixed = applyFix(text, ID);
    assert.equal(JSON.parse(fixed).containerDefinitions[0].image, 'Registry.Example.com:5000/myteam/app:V1.0');
  });

  it("image: an https:// prefix is named as a URL scheme, and the fix drops it", () => {
    const text = container('"image": "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.4"');
    const [d] = only(text, ID);
    assert.equal(d.severity, 'error');
    assert.equal(d.message, "'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.4' is not a valid image reference: an image reference has no URL scheme; drop 'https://'.");
    const fixed = applyFix(text, ID, "Drop 'https://'");
    assert.equal(JSON.parse(fixed).containerDefinitions[0].image, '123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.4');
  });

  it('user', () => {
    assert.deepEqual(msgs('"image": "a:1", "user": "1000:"'), ["error: '1000:' is not a valid user: the group after ':' is empty."]);
    assert.match(msgs('"image": "a:1", "user": "-1"')[0], /uid must be a non-negative integer/);
    assert.match(msgs('"image": "a:1", "user": "app user"')[0], /whitespace/);
    for (const u of ['nginx', '1000', 'app:staff', '1000:1000', 'app:1000', '1000:staff', '0', '${UID}:${GID}', 'www-data']) {
      assert.deepEqual(msgs(`"image": "a:1", "user": "${u}"`), [], u);
    }
    assert.deepEqual(msgs('"image": "a:1", "user": "NT AUTHORITY\\\\SYSTEM"', ' "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },'), [], 'Windows users are not Linux users');
  });

  it('environment files', () => {
    const file = (v: string, type = 's3') => msgs(`"image": "a:1", "environmentFiles": [{ "value": ${JSON.stringify(v)}, "type": "${type}" }]`);
    assert.match(file('s3://bucket/app.env')[0], /given as an S3 object ARN/);
    assert.match(file('arn:aws:s3:::bucket')[0], /names a bucket but no object key/);
    assert.match(file('arn:aws:s3:::bucket/app.txt')[0], /must end in '\.env'/);
    assert.match(file('arn:aws:ssm:eu-west-1:123456789012:parameter/app.env')[0], /an ARN of 'ssm'/);
    assert.match(file('arn:aws:s3:eu-west-1:123456789012:bucket/app.env')[0], /empty Region and account fields/);
    for (const ok of ['arn:aws:s3:::bucket/dir/app.env', 'arn:aws-cn:s3:::b/x.env', 'arn:aws:s3:::${BUCKET}/${ENV}.env', 'arn:aws:s3:::bucket/${ENV_FILE}', '${ENV_FILE_ARN}']) {
      assert.deepEqual(file(ok), [], ok);
    }
  });

  it('awslogs-region, only for the awslogs driver', () => {
    const log = (driver: string, region: string) => msgs(`"image": "a:1", "logConfiguration": { "logDriver": "${driver}", "options": { "awslogs-region": "${region}" } }`);
    assert.match(log('awslogs', 'EU-WEST-1')[0], /Region codes are lowercase without spaces \('eu-west-1'\)/);
    assert.match(log('awslogs', 'logs.eu-west-1.amazonaws.com')[0], /use a Region code such as eu-west-1/);
    assert.deepEqual(log('awslogs', 'us-gov-west-1'), []);
    assert.deepEqual(log('awslogs', 'REGION'), []);
    assert.deepEqual(log('awslogs', '${region}'), []);
    assert.deepEqual(log('awsfirelens', 'Ireland'), []);
  });

  it('dockerSecurityOptions and credentialSpecs', () => {
    const sec = (v: string) => msgs(`"image": "a:1", "dockerSecurityOptions": [${JSON.stringify(v)}]`);
    assert.match(sec('apparmor:')[0], /'apparmor' needs a value after ':'/);
    assert.match(sec('seccomp=unconfined')[0], /ECS accepts no-new-privileges/);
    for (const ok of ['no-new-privileges', 'no-new-privileges:true', 'label:disable', 'apparmor=custom', 'credentialspec:file://gmsa.json', 'credentialspec:$$$SSM_ARN$$$']) assert.deepEqual(sec(ok), [], ok);
    const spec = (v: string) => msgs(`"image": "a:1", "credentialSpecs": [${JSON.stringify(v)}]`);
    assert.match(spec('credentialspec:gmsa.json')[0], /'gmsa\.json' is not an ARN/);
    assert.match(spec('credentialspec:arn:aws:secretsmanager:us-west-2:123456789012:secret:x')[0], /must be in S3 or SSM/);
    assert.match(spec('credentialspecdomainless:')[0], /ARN after the prefix is missing/);
    for (const ok of ['credentialspec:arn:aws:s3:::bucket/spec.json', 'credentialspecdomainless:arn:aws:ssm:us-west-2:123456789012:parameter/spec', 'credentialspec:${SPEC_ARN}']) assert.deepEqual(spec(ok), [], ok);
  });

  it('tags: aws: prefix in any case, key and value; also the describe-output sibling tags', () => {
    const ds = expectRanges('{ "family": "app", "containerDefinitions": [], "tags": [{ "key": ⟦"aws:cost"⟧, "value": ⟦"AwS:x"⟧ }, { "key": "team", "value": "aws-core" }] }', ID);
    assert.match(ds[0].message, /tag keys starting with 'aws:'/);
    assert.match(ds[1].message, /tag values starting with 'aws:'/);
    expectRanges('{ "taskDefinition": { "family": "app", "containerDefinitions": [] }, "tags": [{ "key": ⟦"AWS:x"⟧, "value": "1" }] }', ID);
  });

  it('extraHosts ipAddress', () => {
    const host = (ip: string) => msgs(`"image": "a:1", "extraHosts": [{ "hostname": "db", "ipAddress": "${ip}" }]`, ' "requiresCompatibilities": ["EC2"],');
    assert.match(host('db.internal')[0], /not a host name/);
    assert.match(host('10.0.0.256')[0], /not a host name/);
    for (const ok of ['10.0.0.5', '::1', 'fd00::5', '2001:db8:0:0:0:0:2:1', '::ffff:192.0.2.1', 'fe80::1%eth0', '${DB_IP}']) assert.deepEqual(host(ok), [], ok);
  });
});
