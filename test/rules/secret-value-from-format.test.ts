import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'secret-value-from-format';
const doc = (secrets: string, extra = '') =>
  `{\n  "family": "api", "executionRoleArn": "ecsTaskExecutionRole",\n  "containerDefinitions": [{ "name": "api", "image": "api:1.0", "memory": 256,\n    "secrets": [${secrets}]${extra} }]\n}`;
const one = (valueFrom: string) => doc(`{ "name": "A", "valueFrom": ${JSON.stringify(valueFrom)} }`);
const msg = (valueFrom: string) => only(one(valueFrom), ID)[0]?.message;
const SM = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbC123';

describe(ID, () => {
  it('reports the valueFrom value with the field count', () => {
    const [d] = expectRanges(doc(`{ "name": "A", "valueFrom": ⟦"${SM}::"⟧ }`), ID);
    assert.equal(d.severity, 'error');
    // The Region and account are left out of the quoted ARN, so the part the message is about stays visible.
    assert.equal(d.message, `'arn:aws:secretsmanager:…:secret:prod/db-AbC123::' has 3 ':'-separated parts after 'secret:'; use 1 (the whole secret) or 4 (<id>:<json-key>:<version-stage>:<version-id>).`);
  });

  it('quotes a long ARN by its resource, and clips a very long one in the middle', () => {
    assert.match(msg('arn:aws:secretsmanager:eu-west-1:123456789012:secret:credit-cashflow/SUPABASE_URL::')!, /^'…:secret:credit-cashflow\/SUPABASE_URL::' has 3 ':'-separated parts/);
    const long = msg(`arn:aws:secretsmanager:eu-west-1:123456789012:secret:${'team/'.repeat(40)}db::`)!;
    const quoted = /^'([^']*)'/.exec(long)![1];
    assert.equal(quoted.length, 48);
    assert.ok(quoted.startsWith('…:secret:team/') && quoted.endsWith('team/db::'), quoted);
  });

  it('fix: drop the empty suffix (preferred) or complete it; both silence the rule', () => {
    const text = one(`${SM}::`);
    const dropped = applyFix(text, ID);
    assert.equal(JSON.parse(dropped).containerDefinitions[0].secrets[0].valueFrom, SM);
    const padded = applyFix(text, ID, 'Complete the suffix');
    assert.equal(JSON.parse(padded).containerDefinitions[0].secrets[0].valueFrom, `${SM}:::`);
  });

  it('a non-empty json key gets only the padding fix, preferred', () => {
    const [d] = only(one(`${SM}:password`), ID);
    assert.deepEqual(d.diagnostic.fixes?.map((f) => [f.title, f.preferred]), [['Complete the suffix to json-key:version-stage:version-id', true]]);
    assert.equal(JSON.parse(applyFix(one(`${SM}:password`), ID)).containerDefinitions[0].secrets[0].valueFrom, `${SM}:password::`);
  });

  it('too many fields, empty secret id, stage and id together', () => {
    assert.match(msg(`${SM}:a:b:c:d`)!, /has 5 ':'-separated parts/);
    assert.match(msg('arn:aws:secretsmanager:eu-west-1:123456789012:secret:')!, /secret id after 'secret:' is empty/);
    const both = one(`${SM}:key:AWSCURRENT:v1`);
    assert.match(only(both, ID)[0].message, /names both version stage 'AWSCURRENT' and version id 'v1'; keep one of them/);
    assert.equal(JSON.parse(applyFix(both, ID, 'Drop version-stage')).containerDefinitions[0].secrets[0].valueFrom, `${SM}:key::v1`);
    assert.equal(JSON.parse(applyFix(both, ID, 'Drop version-id')).containerDefinitions[0].secrets[0].valueFrom, `${SM}:key:AWSCURRENT:`);
  });

  it('other services, broken ARNs and SSM shapes', () => {
    assert.match(msg('arn:aws:s3:::bucket/secret.txt')!, /it is an ARN of 's3'; use a Secrets Manager secret or an SSM parameter/);
    assert.match(msg('arn:aws:secretsmanager:eu-west-1')!, /at least 6 ':'-separated parts/);
    assert.match(msg('arn:aws:secretsmanager:eu-west-1:1234:secret:db')!, /account id '1234' has 4 digits/);
    assert.match(msg('arn:aws:secretsmanager:Ireland:123456789012:secret:db')!, /'Ireland' is not a Region code/);
    assert.match(msg('arn:aws:secretsmanager:eu-west-1:123456789012:db')!, /resource part is 'secret:<secret-id>'/);
    assert.match(msg('arn:aws:ssm:eu-west-1:123456789012:db')!, /resource part is 'parameter\/<name>'/);
    assert.match(msg('/prod//db')!, /cannot contain '\/\/'/);
    assert.match(msg('/prod/db/')!, /cannot end with '\/'/);
    assert.match(msg('prod db password')!, /SSM parameter name uses letters/);
    assert.equal(msg('arn:aws:ssm:eu-west-1:123456789012:parameter//prod/db'), "'arn:aws:ssm:…:parameter//prod/db' has 'parameter//'; remove one '/' (an SSM parameter ARN leaves out the name's leading '/').");
    const slash = one('arn:aws:ssm:eu-west-1:123456789012:parameter//prod/db');
    assert.equal(JSON.parse(applyFix(slash, ID)).containerDefinitions[0].secrets[0].valueFrom, 'arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db');
  });

  it('placeholders: slots skipped, the field count still checked; a templated ARN counts its literal suffix', () => {
    assert.equal(msg('arn:aws:secretsmanager:REGION:ACCOUNT_ID:secret:db:password::'), undefined);
    assert.match(msg('arn:aws:secretsmanager:REGION:ACCOUNT_ID:secret:db::')!, /has 3 ':'-separated parts/);
    assert.equal(msg('${DB_SECRET_ARN}:password::'), undefined);
    assert.equal(msg('${DB_SECRET_ARN}'), undefined);
    assert.equal(msg('arn:aws:secretsmanager:${var.region}:${var.account}:secret:${var.name}'), undefined);
    assert.equal(msg('arn:${Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/${Env}/db'), undefined);
    assert.equal(msg('{{ ssm_prefix }}/db/password'), undefined);
    const [d] = only(one('${DB_SECRET_ARN}:password:'), ID);
    assert.equal(d.severity, 'error');
    assert.equal(d.message, "'${DB_SECRET_ARN}:password:' adds 2 fields after the secret ARN; use none (the whole secret) or 3 (:<json-key>:<version-stage>:<version-id>).");
  });

  it('accepts the documented forms', () => {
    for (const v of [SM, `${SM}:password::`, `${SM}::AWSPREVIOUS:`, `${SM}:::v-1`, '/prod/db', 'prod.db', '/aws/reference/secretsmanager/prod/db',
      'arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db', 'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:db']) {
      assert.equal(msg(v), undefined, v);
    }
  });

  it('a hierarchical SSM name needs its leading slash; plain names, ARNs and templated prefixes do not', () => {
    const [d] = expectRanges(doc('{ "name": "DB", "valueFrom": ⟦"myapp/prod/db-password"⟧ }'), ID);
    assert.equal(d.severity, 'error');
    assert.equal(d.message, "'myapp/prod/db-password' is an SSM parameter path without its leading '/'; write '/myapp/prod/db-password'.");
    const fixed = applyFix(one('myapp/prod/db-password'), ID, "Add the leading '/'");
    assert.equal(JSON.parse(fixed).containerDefinitions[0].secrets[0].valueFrom, '/myapp/prod/db-password');
    assert.match(msg('prod-${ENV}/db')!, /without its leading '\/'/);
    for (const v of ['db-password', 'myapp.prod.db', '/myapp/prod/db', '${PREFIX}/db', '{{ env }}/db', 'arn:aws:ssm:eu-west-1:123456789012:parameter/myapp/prod/db']) {
      assert.equal(msg(v), undefined, v);
    }
    // The registry field reads Secrets Manager names, where 'prod/hub' is a normal secret name.
    assert.equal(only(doc('', ',\n    "repositoryCredentials": { "credentialsParameter": "prod/hub" }'), ID).length, 0);
  });

  it('log secretOptions and registry credentials; SSM is refused for the registry', () => {
    const text = doc('', `,\n    "logConfiguration": { "logDriver": "splunk", "secretOptions": [{ "name": "t", "valueFrom": ⟦"${SM}:token"⟧ }] },\n    "repositoryCredentials": { "credentialsParameter": ⟦"arn:aws:ssm:eu-west-1:123456789012:parameter/hub"⟧ }`);
    const ds = expectRanges(text, ID);
    assert.match(ds[1].message, /repositoryCredentials needs a Secrets Manager secret, not an SSM parameter/);
    assert.equal(only(doc('', ',\n    "repositoryCredentials": { "credentialsParameter": "prod/dockerhub+creds@team" }'), ID).length, 0);
  });
});
