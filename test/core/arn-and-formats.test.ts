import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAccount, findRegion, parseArn, roleIdentity, roleValueProblem, sameRole } from '../../server/src/core/documents/arn';
import { secretRefProblem, secretStoreOf } from '../../server/src/core/documents/secret-ref';
import { maskPlaceholders, splitMasked } from '../../server/src/core/syntax/template-mask';
import { isIPv4, isIPv6 } from '../../server/src/core/documents/value-formats';
import { NO_PLACEHOLDER_PATTERNS } from '../../server/src/core/syntax/placeholders';

describe('template-mask', () => {
  it('masks placeholders with the same length so separators inside them do not split', () => {
    const m = maskPlaceholders('arn:aws:iam::${AWS::AccountId}:role/x', NO_PLACEHOLDER_PATTERNS);
    assert.equal(m.masked.length, m.original.length);
    assert.deepEqual(splitMasked(m, ':').map((f) => f.text), ['arn', 'aws', 'iam', '', '${AWS::AccountId}', 'role/x']);
  });
});

describe('arn', () => {
  it('parses fields and keeps ":" inside the resource', () => {
    const a = parseArn('arn:aws:secretsmanager:eu-west-1:123456789012:secret:db:key::', NO_PLACEHOLDER_PATTERNS)!;
    assert.deepEqual([a.partition?.text, a.service?.text, a.region?.text, a.account?.text, a.resource?.text], ['aws', 'secretsmanager', 'eu-west-1', '123456789012', 'secret:db:key::']);
    assert.equal(parseArn('role/x', NO_PLACEHOLDER_PATTERNS), undefined);
  });

  it('role identities compare by name (case-insensitive) and account when both are known', () => {
    const a = roleIdentity('arn:aws:iam::123456789012:role/service-role/App', NO_PLACEHOLDER_PATTERNS)!;
    assert.deepEqual(a, { name: 'App', account: '123456789012', path: 'service-role' });
    assert.ok(sameRole(a, roleIdentity('app', NO_PLACEHOLDER_PATTERNS)!));
    assert.ok(!sameRole(a, roleIdentity('arn:aws:iam::210987654321:role/App', NO_PLACEHOLDER_PATTERNS)!));
    assert.equal(roleIdentity('arn:aws:iam::123456789012:policy/App', NO_PLACEHOLDER_PATTERNS), undefined);
  });

  it('role values', () => {
    assert.equal(roleValueProblem('arn:aws:iam::123456789012:role/a/b/c', NO_PLACEHOLDER_PATTERNS), undefined);
    assert.equal(roleValueProblem('arn:aws:iam::123456789012:instance-profile/web', NO_PLACEHOLDER_PATTERNS)?.roleArnGuess, 'arn:aws:iam::123456789012:role/web');
    assert.match(roleValueProblem('arn:aws:iam::123456789012', NO_PLACEHOLDER_PATTERNS)!.reason, /6 ':'-separated parts/);
  });

  it('finds the account, partition and Region a document already uses', () => {
    assert.deepEqual(findAccount(['nginx', 'arn:aws-cn:iam::123456789012:role/x']), { account: '123456789012', partition: 'aws-cn' });
    assert.deepEqual(findAccount(['210987654321.dkr.ecr.eu-west-1.amazonaws.com/app']), { account: '210987654321', partition: 'aws' });
    assert.equal(findAccount(['arn:aws:iam::ACCOUNT_ID:role/x']), undefined);
    assert.equal(findRegion(['x', 'arn:aws:ssm:ap-south-1:123456789012:parameter/a']), 'ap-south-1');
    assert.equal(findRegion(['123456789012.dkr.ecr.eu-west-2.amazonaws.com/app']), 'eu-west-2');
  });
});

describe('secret-ref', () => {
  it('tells the store', () => {
    assert.equal(secretStoreOf('/prod/db', NO_PLACEHOLDER_PATTERNS), 'ssm');
    assert.equal(secretStoreOf('arn:aws:ssm:eu-west-1:123456789012:parameter/db', NO_PLACEHOLDER_PATTERNS), 'ssm');
    assert.equal(secretStoreOf('/aws/reference/secretsmanager/db', NO_PLACEHOLDER_PATTERNS), 'secretsmanager');
    assert.equal(secretStoreOf('arn:aws:secretsmanager:eu-west-1:123456789012:secret:db', NO_PLACEHOLDER_PATTERNS), 'secretsmanager');
    assert.equal(secretStoreOf('${SECRET}', NO_PLACEHOLDER_PATTERNS), undefined);
  });
  it('registry credentials accept a Secrets Manager name or ARN only', () => {
    assert.equal(secretRefProblem('prod/dockerhub', 'registry', NO_PLACEHOLDER_PATTERNS), undefined);
    assert.match(secretRefProblem('dockerhub creds', 'registry', NO_PLACEHOLDER_PATTERNS)!.message, /Secrets Manager secret name/);
  });
});

describe('IP literals', () => {
  it('IPv4 and IPv6', () => {
    assert.ok(isIPv4('192.168.0.1') && !isIPv4('192.168.0') && !isIPv4('01.2.3.4') && !isIPv4('1.2.3.256'));
    for (const ok of ['::', '::1', '1::', 'fe80::1', '2001:db8::8a2e:370:7334', '1:2:3:4:5:6:7:8', '::ffff:10.0.0.1']) assert.ok(isIPv6(ok), ok);
    for (const bad of ['1:2:3:4:5:6:7:8:9', '1::2::3', 'g::1', '12345::1', '1:2:3:4:5:6:7', '::ffff:10.0.0']) assert.ok(!isIPv6(bad), bad);
  });
});
