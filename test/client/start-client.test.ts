/**
 * The language client's options, as both clients (desktop and web) pass them: read from startClient with a stand-in
 * `vscode` module (only what startClient touches before the client starts is real; the rest is inert).
 */
import assert from 'node:assert/strict';
import Module from 'node:module';
import { describe, it } from 'node:test';
import { DIAGNOSTIC_OWNER } from '../../server/src/shared/protocol';

type Options = { diagnosticCollectionName?: string; documentSelector?: unknown };

/** Any property, call or construction of it gives an inert value of the same kind. */
const inert: unknown = new Proxy(function () {}, {
  get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : inert),
  apply: () => inert,
  construct: () => inert as object,
});

/** The arguments of every createFileSystemWatcher call startClient made. */
const watchers: unknown[][] = [];

function withFakeVscode<T>(load: () => T): T {
  const workspace = {
    isTrusted: true,
    getConfiguration: () => ({ enable: true }),
    createFileSystemWatcher: (...args: unknown[]) => (watchers.push(args), inert),
  };
  const fake = new Proxy(
    {
      workspace: new Proxy(workspace, { get: (t, k) => (k in t ? t[k as keyof typeof t] : inert) }),
    },
    { get: (t, k) => (k in t ? t[k as keyof typeof t] : inert) },
  );
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = m._load;
  m._load = (request, ...rest) => (request === 'vscode' ? fake : original(request, ...rest));
  try {
    return load();
  } finally {
    m._load = original;
  }
}

async function capturedOptions(): Promise<Options> {
  const { startClient } = withFakeVscode(() => require('../../client/src/start-client') as typeof import('../../client/src/start-client'));
  let options: Options | undefined;
  const create = (o: Options) => {
    options = o;
    return { onRequest: () => undefined, start: () => Promise.reject(new Error('not started in this test')) };
  };
  await assert.rejects(startClient({ subscriptions: [] } as never, create as never), /not started in this test/);
  assert.ok(options, 'startClient created a client');
  return options;
}

describe('client options (start-client.ts)', () => {
  it('pushed diagnostics have an owner of their own, not the host-counted generated name', async () => {
    const options = await capturedOptions();
    // Unnamed, VS Code names a collection `_generated_diagnostic_collection_name_#<n>` per extension host: in code-server
    // the web worker host's #0 met the remote JSON language server's #0, and each replaced the other's markers.
    assert.equal(options.diagnosticCollectionName, 'ecs-taskdef-push');
    // Not the owner of the pulled diagnostics (the server's diagnosticProvider.identifier), nor the workspace lint's.
    assert.notEqual(options.diagnosticCollectionName, DIAGNOSTIC_OWNER);
    assert.notEqual(options.diagnosticCollectionName, 'ecs-taskdef-workspace');
    assert.ok(options.documentSelector, 'the real options object');
  });

  it('watches JSON/YAML files for the workspace index, and creations and deletions of anything (a created or deleted folder is reported alone)', async () => {
    watchers.length = 0;
    await capturedOptions();
    assert.deepEqual(watchers, [['**/.ecs-taskdef.json'], ['**/*.{json,yml,yaml}'], ['**/*', false, true, false]]);
  });
});
