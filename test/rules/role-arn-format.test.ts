import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'role-arn-format';
const doc = (roles: string) => `{\n  "family": "app",${roles}\n  "containerDefinitions": [{ "name": "app", "image": "app:1.0", "memory": 256 }]\n}`;
const msg = (value: string) => only(doc(`\n  "taskRoleArn": ${JSON.stringify(value)},`), ID)[0]?.message;

describe(ID, () => {
  it('reports the value of each bad field', () => {
    const ds = expectRanges(doc('\n  "taskRoleArn": ⟦"arn:aws:iam::11111111111:role/app"⟧,\n  "executionRoleArn": ⟦"arn:aws:iam::123456789012:policy/exec"⟧,'), ID);
    assert.equal(ds[0].message, "'arn:aws:iam::11111111111:role/app' is not an IAM role ARN or role name: the account id '11111111111' has 11 digits, not 12.");
    assert.equal(ds[1].message, "'arn:aws:iam::123456789012:policy/exec' is not an IAM role ARN or role name: this is an IAM policy ARN, not a role ARN (…:role/<name>).");
  });

  it('names the reason for each kind of slip', () => {
    assert.match(msg('arn:aws:iam:us-east-1:123456789012:role/app')!, /IAM ARNs have no Region/);
    assert.match(msg('arn:aws:s3:::bucket/role')!, /this is an ARN of 's3'/);
    assert.match(msg('arn:aws:iam::123456789012:app')!, /resource part must be 'role\/<name>'/);
    assert.match(msg('arn:aws:iam::123456789012:user/bob')!, /IAM user ARN/);
    assert.match(msg('arn:aws:iam::123456789012:role/')!, /role name after 'role\/' is missing/);
    assert.match(msg('arn:aws:iam::123456789012:role/my app')!, /'my app' contains characters/);
    assert.match(msg('arn:aws:iam::123456789012:role/' + 'r'.repeat(65))!, /at most 64 characters/);
    assert.match(msg('arn:azure:iam::123456789012:role/app')!, /not an AWS partition/);
    assert.match(msg('role/app')!, /bare role name has no path/);
    assert.match(msg('iam::123456789012:role/app')!, /an ARN starts with 'arn:'/);
  });

  it('accepts role ARNs with paths and partitions, bare names, and placeholders in any slot', () => {
    for (const v of [
      'arn:aws:iam::123456789012:role/service-role/app',
      'arn:aws-us-gov:iam::123456789012:role/app',
      'ecsTaskExecutionRole',
      'app+deploy@team=x,y.z',
      'arn:aws:iam::ACCOUNT_ID:role/app',
      'arn:aws:iam::{{ must_env `AWS_ACCOUNT_ID` }}:role/app',
      'arn:aws:iam::${AWS::AccountId}:role/${Env}-task',
      'arn:aws:iam::[account id]:role/app',
      'arn:aws:iam::XXXXX:role/app',
      '${TASK_ROLE_ARN}',
      'CHANGEME_TASK_ROLE_ARN',
      '',
    ]) {
      assert.equal(msg(v), undefined, v);
    }
  });

  it('instance profile: not-preferred fix rewrites it to a role ARN', () => {
    const text = doc('\n  "taskRoleArn": "arn:aws:iam::123456789012:instance-profile/app",');
    const [d] = only(text, ID);
    assert.equal(d.diagnostic.fixes?.[0].title, 'Use the role ARN (role/app)');
    assert.equal(d.diagnostic.fixes?.[0].preferred, undefined);
    const fixed = applyFix(text, ID, 'Use the role ARN');
    assert.equal(JSON.parse(fixed).taskRoleArn, 'arn:aws:iam::123456789012:role/app');
  });
});
