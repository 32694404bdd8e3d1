/** Inserted properties land beside their kin (layout-edits KIN), keep comments and the user's line endings. */
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { describe, it } from 'node:test';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import { insertPropertyEdits, setPropertyEdits } from '../../server/src/core/fixes/layout-edits';
import { applyFix, only } from '../helpers/rule-fix';

const insert = (text: string, key: string, value: unknown) => applyTextEdits(text, insertPropertyEdits(text, parseTree(text)!, key, value));

describe('where inserted keys land', () => {
  it('executionRoleArn goes after taskRoleArn, above the comment that belongs to the next key', () => {
    const text = '{\n  "family": "web",\n  "taskRoleArn": "arn:aws:iam::1:role/t", // app role\n  // containers\n  "containerDefinitions": []\n}';
    assert.equal(
      insert(text, 'executionRoleArn', 'x'),
      '{\n  "family": "web",\n  "taskRoleArn": "arn:aws:iam::1:role/t", // app role\n  "executionRoleArn": "x",\n  // containers\n  "containerDefinitions": []\n}',
    );
  });

  it('executionRoleArn goes after family when there is no taskRoleArn', () => {
    assert.equal(insert('{\n  "family": "web",\n  "containerDefinitions": []\n}', 'executionRoleArn', 'x'), '{\n  "family": "web",\n  "executionRoleArn": "x",\n  "containerDefinitions": []\n}');
  });

  it('memory goes after cpu, cpu before memory; one-line objects stay on one line', () => {
    assert.equal(insert('{ "family": "web", "cpu": "256", "containerDefinitions": [] }', 'memory', '512'), '{ "family": "web", "cpu": "256", "memory": "512", "containerDefinitions": [] }');
    assert.equal(insert('{ "family": "web", "memory": "512", "containerDefinitions": [] }', 'cpu', '256'), '{ "family": "web", "cpu": "256", "memory": "512", "containerDefinitions": [] }');
  });

  it('a kin that is the last member means appending, with CRLF kept', () => {
    assert.equal(insert('{\r\n  "family": "web",\r\n  "cpu": "256"\r\n}', 'memory', '512'), '{\r\n  "family": "web",\r\n  "cpu": "256",\r\n  "memory": "512"\r\n}');
  });

  it('keys without kin, or objects without their kin, still go last', () => {
    assert.equal(insert('{\n  "name": "a",\n  "image": "b"\n}', 'healthCheck', { retries: 3 }), '{\n  "name": "a",\n  "image": "b",\n  "healthCheck": {\n    "retries": 3\n  }\n}');
    assert.equal(insert('{ "name": "a" }', 'memory', 5), '{ "name": "a", "memory": 5 }');
  });

  it('setPropertyEdits still replaces an existing value in place', () => {
    const text = '{ "cpu": "256", "memory": null, "family": "web" }';
    assert.equal(applyTextEdits(text, setPropertyEdits(text, parseTree(text)!, 'memory', '512')), '{ "cpu": "256", "memory": "512", "family": "web" }');
  });

  it('fixes use it: task-level memory lands beside cpu; taskRoleArn says which name it assumed', () => {
    const text = '{\n  "family": "web",\n  "cpu": "256",\n  "networkMode": "bridge",\n  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }]\n}';
    const fixed = applyFix(text, 'container-memory-required', 'Add task-level memory');
    assert.match(fixed, /"cpu": "256",\n  "memory": "\d+",\n  "networkMode"/);
    const efs = '{\n  "family": "web",\n  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "memory": 256 }],\n  "volumes": [{ "name": "d", "efsVolumeConfiguration": { "fileSystemId": "fs-1", "transitEncryption": "ENABLED", "authorizationConfig": { "iam": "ENABLED" } } }]\n}';
    const [d] = only(efs, 'task-role-required');
    assert.equal(d.diagnostic.fixes?.[0].title, 'Add taskRoleArn (role name assumed: web-task; fill in the account)');
    assert.match(applyFix(efs, 'task-role-required', 'Add taskRoleArn'), /^\{\n  "family": "web",\n  "taskRoleArn": "arn:aws:iam::\$\{AWS_ACCOUNT_ID\}:role\/web-task",\n  "containerDefinitions"/);
  });
});
