import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXECUTION_ROLE_TRIGGERS, FARGATE_CPU_TIERS, TASK_ROLE_NEEDS } from '../../server/src/core/facts/index';
import { fargateSizesMarkdown, rolesMarkdown } from '../../server/src/lsp/reference-pages';

describe('reference pages', () => {
  it('the size page has one table row per Fargate CPU size', () => {
    const md = fargateSizesMarkdown();
    for (const t of FARGATE_CPU_TIERS) assert.match(md, new RegExp(`^\\| ${t.cpu} \\| ${t.vcpu} \\|`, 'm'), `cpu ${t.cpu}`);
    assert.match(md, /61440, 122880 or 249856 MiB/);
    assert.match(md, /21–200 GiB/);
  });

  it('the roles page compares both fields and lists every execution-role trigger and task-role need', () => {
    const md = rolesMarkdown();
    assert.match(md, /`executionRoleArn`/);
    assert.match(md, /`taskRoleArn`/);
    for (const t of EXECUTION_ROLE_TRIGGERS) assert.ok(md.includes(t.description.replace(/\|/g, '\\|')), t.id);
    for (const n of TASK_ROLE_NEEDS) assert.ok(md.includes(n.need), n.id);
    assert.match(md, /`secretsmanager:GetSecretValue`/);
  });

  it('tables keep a constant column count (no unescaped pipes in cells)', () => {
    for (const md of [fargateSizesMarkdown(), rolesMarkdown()]) {
      let columns = 0;
      for (const line of md.split('\n')) {
        if (!line.startsWith('|')) {
          columns = 0;
          continue;
        }
        const n = line.replace(/\\\|/g, '').split('|').length;
        if (columns === 0) columns = n;
        assert.equal(n, columns, line);
      }
    }
  });
});
