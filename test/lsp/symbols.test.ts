import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useServer } from '../helpers/lsp-session';
import { freshUri, type LspRange } from './editor-protocol';

interface DocumentSymbol {
  name: string;
  kind: number;
  detail?: string;
  range: LspRange;
  selectionRange: LspRange;
  children?: DocumentSymbol[];
}

const TEXT = `{
  "family": "web",
  "cpu": "256",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx:1.27",
      "essential": true
    },
    { "image": "busybox" }
  ],
  "volumes": [
    { "name": "data", "efsVolumeConfiguration": { "fileSystemId": "fs-1" } },
    { "name": "scratch" }
  ]
}`;

describe('document symbols over stdio', () => {
  const server = useServer();
  const { client } = server;

  async function symbols(text: string): Promise<DocumentSymbol[]> {
    const uri = freshUri();
    await client.open(uri, text, 1);
    return client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  }

  it('declares a document symbol provider', () => assert.equal(server.capabilities.documentSymbolProvider, true));

  it('lists task-level keys; containers (image as detail) and volumes under their arrays', async () => {
    const s = await symbols(TEXT);
    assert.deepEqual(s.map((x) => x.name), ['family', 'cpu', 'containerDefinitions', 'volumes']);
    assert.equal(s[0].detail, 'web');
    const containers = s[2].children!;
    assert.deepEqual(containers.map((c) => [c.name, c.detail]), [['app', 'nginx:1.27'], ['container 2', 'busybox']]);
    assert.deepEqual(containers[0].children!.map((c) => c.name), ['name', 'image', 'essential']);
    assert.deepEqual(containers[0].range, { start: { line: 4, character: 4 }, end: { line: 8, character: 5 } });
    assert.deepEqual(containers[0].selectionRange, { start: { line: 5, character: 14 }, end: { line: 5, character: 19 } });
    assert.deepEqual(s[3].children!.map((v) => [v.name, v.detail]), [['data', 'efsVolumeConfiguration'], ['scratch', undefined]]);
  });

  it('outlines describe output from inside taskDefinition, and container arrays by container', async () => {
    const d = await symbols('{ "taskDefinition": { "family": "web", "containerDefinitions": [], "revision": 2 }, "tags": [] }');
    assert.deepEqual(d.map((x) => x.name), ['family', 'containerDefinitions', 'revision', 'tags']);
    const a = await symbols('[ { "name": "a", "image": "x" }, { "name": "b", "image": "y" } ]');
    assert.deepEqual(a.map((x) => [x.name, x.detail]), [['a', 'x'], ['b', 'y']]);
  });
});
