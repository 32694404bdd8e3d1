/** The server side of the workspace lint: `lintFiles` applies detection and settings like open documents. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintFiles } from '../../server/src/lsp/lint-files';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/lsp/settings';

const BAD_FARGATE = JSON.stringify({
  family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '4096',
  containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true }],
}, null, 2);

function ctx(settings: Partial<Settings> = {}) {
  const asked: string[] = [];
  return {
    asked,
    settingsFor: async (uri: string) => {
      asked.push(uri);
      return { ...DEFAULT_SETTINGS, ...settings };
    },
  };
}

describe('lintFiles (ecsTaskdef/lintFiles)', () => {
  it('returns LSP diagnostics for task definitions and nothing for other JSON', async () => {
    const c = ctx();
    const r = await lintFiles(c, {
      files: [
        { uri: 'file:///w/task-def.json', text: BAD_FARGATE },
        { uri: 'file:///w/package.json', text: '{ "name": "x" }' },
      ],
    });
    assert.equal(r.files.length, 2);
    const [td, other] = r.files;
    assert.equal(td.linted, true);
    const fargate = td.diagnostics.find((d) => d.code === 'fargate-cpu-memory');
    assert.ok(fargate, JSON.stringify(td.diagnostics.map((d) => d.code)));
    assert.equal(fargate.severity, 1);
    assert.equal(fargate.source, 'ecs-taskdef');
    assert.equal(BAD_FARGATE.split('\n')[fargate.range.start.line].includes('"memory"'), true);
    assert.deepEqual(other, { uri: 'file:///w/package.json', linted: false, diagnostics: [] });
    assert.deepEqual(c.asked, ['file:///w/task-def.json', 'file:///w/package.json']);
  });

  it('applies per-file settings (rule off, lint disabled)', async () => {
    const off = await lintFiles(ctx({ rules: { 'fargate-cpu-memory': 'off' } }), { files: [{ uri: 'file:///w/task-def.json', text: BAD_FARGATE }] });
    assert.ok(!off.files[0].diagnostics.some((d) => d.code === 'fargate-cpu-memory'));
    const disabled = await lintFiles(ctx({ enable: false }), { files: [{ uri: 'file:///w/task-def.json', text: BAD_FARGATE }] });
    assert.deepEqual(disabled.files[0], { uri: 'file:///w/task-def.json', linted: false, diagnostics: [] });
  });

  it('stops at cancellation and ignores malformed entries', async () => {
    const token = { isCancellationRequested: true, onCancellationRequested: () => ({ dispose() {} }) };
    const cancelled = await lintFiles(ctx(), { files: [{ uri: 'file:///w/task-def.json', text: BAD_FARGATE }] }, token);
    assert.deepEqual(cancelled.files, []);
    const odd = await lintFiles(ctx(), { files: [{ uri: 5, text: null } as never] });
    assert.deepEqual(odd.files, []);
  });
});
