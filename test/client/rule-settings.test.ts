import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRuleId, ruleDocsPath, ruleIdsOf, withRuleOff } from '../../client/src/settings/rule-settings';

describe('rule settings helpers', () => {
  it('accepts kebab-case rule ids only', () => {
    for (const ok of ['fargate-cpu-memory', 'json-syntax', 'null-value']) assert.ok(isRuleId(ok), ok);
    for (const bad of ['', '../x', 'a/b', 'Fargate', 'a--b', '-a', 'a-', 'a b', 5, undefined, null]) assert.ok(!isRuleId(bad), String(bad));
  });

  it('turns one rule off and keeps the others', () => {
    assert.deepEqual(withRuleOff({ 'image-mutable-tag': 'hint' }, 'root-user'), { 'image-mutable-tag': 'hint', 'root-user': 'off' });
    assert.deepEqual(withRuleOff({ 'root-user': 'error' }, 'root-user'), { 'root-user': 'off' });
    assert.deepEqual(withRuleOff(undefined, 'root-user'), { 'root-user': 'off' });
    assert.deepEqual(withRuleOff(['x'], 'root-user'), { 'root-user': 'off' });
  });

  it('does not modify the current setting object', () => {
    const current = { a: 'off' };
    withRuleOff(current, 'b');
    assert.deepEqual(current, { a: 'off' });
  });

  it('lists our rule ids from diagnostics, most frequent first', () => {
    const diags = [
      { source: 'ecs-taskdef', code: 'b-rule' },
      { source: 'ecs-taskdef', code: { value: 'a-rule', target: {} } },
      { source: 'ecs-taskdef', code: 'b-rule' },
      { source: 'json', code: 'c-rule' },
      { source: 'ecs-taskdef', code: 'not a rule' },
    ];
    assert.deepEqual(ruleIdsOf(diags), ['b-rule', 'a-rule']);
  });

  it('maps a rule id to its page and refuses anything else', () => {
    assert.equal(ruleDocsPath('fargate-cpu-memory'), 'docs/rules/fargate-cpu-memory.md');
    assert.throws(() => ruleDocsPath('../../etc/passwd'));
  });
});
