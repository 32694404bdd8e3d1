/** Shared set-up for the protocol tests: one built server per describe block. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { SERVER, TestClient } from './lsp-client';

export interface ServerSession {
  client: TestClient;
  /** The server's capabilities, filled in once `initialize` has answered. */
  capabilities: Record<string, unknown>;
}

export function assertServerBuilt(): void {
  assert.ok(existsSync(SERVER), 'dist/server.js is missing: run npm run build');
}

/** Call inside `describe`: starts the server before the block's tests (pull diagnostics) and shuts it down after. */
export function useServer(opts: { pull?: boolean } = { pull: true }): ServerSession {
  const session: ServerSession = { client: new TestClient(), capabilities: {} };
  before(async () => {
    assertServerBuilt();
    session.capabilities = (await session.client.initialize(opts)).capabilities;
  });
  after(() => session.client.shutdown());
  return session;
}
