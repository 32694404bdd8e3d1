import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'health-check-command';
const hc = (command: string) => `[ { "name": "c", "image": "c:1", "healthCheck": { "command": ${command} } } ]`;
const commandOf = (text: string): unknown => JSON.parse(text)[0].healthCheck?.command;

describe(ID, () => {
  it('sidecar case ["/healthcheck"]: warning on the first element (the task still runs), "Prefix with CMD" preferred', () => {
    const [d] = expectRanges(hc('[⟦"/healthcheck"⟧]'), ID);
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, `healthCheck.command must start with "CMD" or "CMD-SHELL", not '/healthcheck'. Docker runs no probe: health stays UNKNOWN.`);
    assert.deepEqual(commandOf(applyFix(hc('["/healthcheck"]'), ID)), ['CMD', '/healthcheck']);
  });

  it('error when another container waits for it with dependsOn HEALTHY (that one never starts)', () => {
    const text = `[ { "name": "collector", "image": "c:1", "healthCheck": { "command": ⟦"/healthcheck"⟧] } },
      { "name": "app", "image": "a:1", "dependsOn": [{ "containerName": "collector", "condition": "HEALTHY" }] } ]`.replace('⟦"', '[⟦"');
    const [d] = expectRanges(text, ID);
    assert.equal(d.severity, 'error');
    assert.match(d.message, /Docker runs no probe, so 'app' \(dependsOn HEALTHY\) never starts\.$/);
    const start = text.replace(/[⟦⟧]/g, '').replace('"HEALTHY"', '"START"');
    assert.equal(only(start, ID)[0].severity, 'warning', 'START does not wait for health');
  });

  it('a shell line without keyword: "Convert to CMD-SHELL" preferred, joins elements', () => {
    assert.deepEqual(commandOf(applyFix(hc('["curl -f http://localhost/ || exit 1"]'), ID)), ['CMD-SHELL', 'curl -f http://localhost/ || exit 1']);
    assert.deepEqual(commandOf(applyFix(hc('["curl", "-f", "http://localhost/"]'), ID, 'Convert')), ['CMD-SHELL', 'curl -f http://localhost/']);
  });

  it('wrong case and the console one-line form', () => {
    const [d] = only(hc('["cmd-shell", "exit 0"]'), ID);
    assert.match(d.message, /^Write "CMD-SHELL", not "cmd-shell" \(the type is case-sensitive\)/);
    assert.deepEqual(commandOf(applyFix(hc('["cmd-shell", "exit 0"]'), ID)), ['CMD-SHELL', 'exit 0']);
    assert.deepEqual(commandOf(applyFix(hc('["CMD-SHELL, curl -f http://localhost/ || exit 1"]'), ID)), ['CMD-SHELL', 'curl -f http://localhost/ || exit 1']);
  });

  it('CMD with nothing after it is an error without a fix', () => {
    const [d] = expectRanges(hc('[⟦"CMD"⟧]'), ID);
    assert.equal(d.severity, 'error');
    assert.equal(d.diagnostic.fixes, undefined);
  });

  it('warning (a): CMD-SHELL with several elements, reported on the extra ones, joined by the fix', () => {
    const [d] = expectRanges(hc('["CMD-SHELL", "curl", ⟦"-f", "http://localhost/"⟧]'), ID);
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /^Only "curl" runs under CMD-SHELL/);
    assert.deepEqual(commandOf(applyFix(hc('["CMD-SHELL", "curl", "-f", "http://localhost/"]'), ID)), ['CMD-SHELL', 'curl -f http://localhost/']);
  });

  it('warning (b): CMD with one shell line, fix switches to CMD-SHELL', () => {
    const [d] = expectRanges(hc('["CMD", ⟦"curl -f http://localhost/ || exit 1"⟧]'), ID);
    assert.equal(d.severity, 'warning');
    assert.deepEqual(commandOf(applyFix(hc('["CMD", "curl -f http://localhost/ || exit 1"]'), ID)), ['CMD-SHELL', 'curl -f http://localhost/ || exit 1']);
  });

  it('warning (c): NONE, fix removes the health check', () => {
    const [d] = expectRanges(hc('[⟦"NONE"⟧]'), ID);
    assert.equal(d.severity, 'warning');
    assert.equal(commandOf(applyFix(hc('["NONE"]'), ID, 'Remove healthCheck')), undefined);
  });

  it('silent for good forms and placeholders (never an error about a placeholder)', () => {
    for (const good of ['["CMD", "/bin/check", "--port", "8080"]', '["CMD-SHELL", "curl -f http://localhost/ || exit 1"]', '["{{ type }}", "x"]', '"${HC}"', '["CMD", "${HC_COMMAND}"]', '["${HC_TYPE}"]']) {
      assert.equal(only(hc(good), ID).length, 0, good);
    }
  });
});
