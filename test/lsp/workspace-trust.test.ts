/**
 * Workspace trust over stdio (dist/server.js): a client that says the workspace is untrusted (VS Code's Restricted
 * Mode) gets no placeholder patterns from `.ecs-taskdef.json` until it says the user trusted the workspace; a
 * client that says nothing (Neovim, …) is trusted.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { WORKSPACE_TRUSTED_NOTIFICATION } from '../../server/src/shared/protocol';
import { WARNING_ONLY_TASK, workspace } from '../cli/cli-helpers';
import { TestClient, type LspDiagnostic } from '../helpers/lsp-client';
import { assertServerBuilt } from '../helpers/lsp-session';

// "@@CPU@@" is a wrong task size unless the config's placeholder pattern says it is a placeholder.
const TEXT = WARNING_ONLY_TASK.replace('"cpu": "256"', '"cpu": "@@CPU@@"');
const CONFIG = '{ "placeholderPatterns": ["^@@[A-Z]+@@$"] }';

const errors = (diags: LspDiagnostic[]) => diags.filter((d) => d.severity === 1).map((d) => `${d.code}: ${d.message}`);

function startClient(logs: string[]): TestClient {
  const client = new TestClient();
  client.connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  return client;
}

describe('workspace trust and .ecs-taskdef.json placeholder patterns (stdio)', () => {
  before(assertServerBuilt);

  it('the text used here has an error on the placeholder when no pattern applies', async () => {
    const dir = workspace({ 'task-def.json': TEXT });
    const client = startClient([]);
    try {
      await client.initialize();
      const uri = pathToFileURL(join(dir, 'task-def.json')).href;
      await client.open(uri, TEXT);
      assert.notDeepEqual(errors(await client.waitForDiagnostics(uri, 1)), []);
    } finally {
      await client.shutdown();
    }
  });

  describe('a client that starts untrusted', () => {
    const logs: string[] = [];
    const client = startClient(logs);
    const dir = workspace({ '.ecs-taskdef.json': CONFIG });
    const uri = pathToFileURL(join(dir, 'task-def.json')).href;
    after(() => client.shutdown());

    it('does not get the config placeholder patterns, and the log says why, once', async () => {
      await client.initialize({ initializationOptions: { settings: {}, workspaceTrusted: false } });
      await client.open(uri, TEXT);
      const diags = await client.waitForDiagnostics(uri, 1);
      assert.notDeepEqual(errors(diags), [], 'the placeholder is reported as a wrong value');
      const notes = logs.filter((m) => m.includes('Not using placeholderPatterns'));
      assert.equal(notes.length, 1, logs.join('\n'));
      assert.match(notes[0], /\.ecs-taskdef\.json: the workspace is not trusted \(Restricted Mode\)/);
      // The rest of the config still applies, and a second document does not repeat the note.
      const other = pathToFileURL(join(dir, 'other-task-def.json')).href;
      await client.open(other, TEXT);
      await client.waitForDiagnostics(other, 1);
      assert.equal(logs.filter((m) => m.includes('Not using placeholderPatterns')).length, 1, logs.join('\n'));
    });

    it('gets them once the client says the workspace is trusted: the open documents are linted again', async () => {
      const before = client.publishedFor(uri).length;
      await client.connection.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
      const diags = await client.waitForPublications(uri, before + 1);
      assert.deepEqual(errors(diags), []);
    });
  });

  it('a client that says nothing about trust (other editors) gets the config placeholder patterns', async () => {
    const logs: string[] = [];
    const dir = workspace({ '.ecs-taskdef.json': CONFIG });
    const client = startClient(logs);
    try {
      await client.initialize({ initializationOptions: { settings: {} } });
      const uri = pathToFileURL(join(dir, 'task-def.json')).href;
      await client.open(uri, TEXT);
      assert.deepEqual(errors(await client.waitForDiagnostics(uri, 1)), []);
      assert.ok(!logs.some((m) => m.includes('Not using placeholderPatterns')), logs.join('\n'));
    } finally {
      await client.shutdown();
    }
  });

  it('a pattern RE2 cannot run (a backreference) in the config is refused: the log names it and the file, and linting goes on without the config', async () => {
    const logs: string[] = [];
    const dir = workspace({ '.ecs-taskdef.json': '{ "placeholderPatterns": ["^@@[A-Z]+@@$", "(a+)\\\\1"] }' });
    const client = startClient(logs);
    try {
      await client.initialize();
      const uri = pathToFileURL(join(dir, 'task-def.json')).href;
      const text = TEXT.replace('"name": "web"', `"name": "${'a'.repeat(30)}b"`);
      await client.open(uri, text);
      await client.waitForDiagnostics(uri, 1);
      const refused = logs.filter((m) => m.includes("Unsupported regular expression in placeholderPatterns: '(a+)\\1': backreferences"));
      assert.equal(refused.length, 1, logs.join('\n'));
      assert.match(refused[0], /^Ignoring .*\.ecs-taskdef\.json until it is fixed:/);
    } finally {
      await client.shutdown();
    }
  });

  it('a lookbehind pattern in the settings is logged once and not used; the others are, (a+)+$ included (it runs in linear time)', async () => {
    const logs: string[] = [];
    const client = startClient(logs);
    try {
      await client.initialize({ initializationOptions: { settings: { placeholderPatterns: ['^@@[A-Z]+@@$', '(?<=x)a+', '(a+)+$'] } } });
      const uri = 'untitled:Untitled-1';
      // A name on which a backtracking engine would try 2^240 ways (and still a valid container name).
      await client.open(uri, TEXT.replace('"name": "web"', `"name": "${'a'.repeat(240)}b"`));
      assert.deepEqual(errors(await client.waitForDiagnostics(uri, 1)), [], 'the supported patterns apply');
      const refused = logs.filter((m) => m.includes("'(?<=x)a+'"));
      assert.equal(refused.length, 1, logs.join('\n'));
      assert.match(refused[0], /^Ignoring an entry of the ecsTaskdef\.placeholderPatterns setting\. Unsupported regular expression.*lookbehind/);
      assert.ok(!logs.some((m) => m.includes("'(a+)+$'")), logs.join('\n'));
    } finally {
      await client.shutdown();
    }
  });
});
