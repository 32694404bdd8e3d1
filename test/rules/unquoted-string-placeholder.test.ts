import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, expectRanges, only } from '../helpers/rule-fix';

const ID = 'unquoted-string-placeholder';
const c = (props: string) => `[ { "name": "web", "image": "nginx:1.27", ${props} } ]`;

describe(ID, () => {
  it('reports an unquoted placeholder in a string field, on the token, and quotes it', () => {
    const [d] = expectRanges(c('"workingDirectory": ⟦${var.dir}⟧'), ID);
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, "'workingDirectory' is a string, but ${var.dir} is not in quotes: the rendered file is not JSON unless the value brings its own quotes.");
    const fixed = applyFix(c('"workingDirectory": ${var.dir}'), ID);
    assert.equal(fixed, c('"workingDirectory": "${var.dir}"'));
  });

  it('uses the schema: numbers and booleans stay unquoted; strings in maps and task fields are found', () => {
    assert.equal(only(c('"cpu": ${cpu}, "memory": ${mem}, "essential": ${ess}, "portMappings": [{ "containerPort": ${port} }]'), ID).length, 0);
    assert.equal(only(c('"dockerLabels": { "team": ${team} }'), ID).length, 1);
    // Task cpu/memory are strings of digits: bare they render as numbers (JSON, wrong-type's business).
    assert.equal(only('{ "family": ${family}, "cpu": ${cpu}, "memory": ${mem}, "containerDefinitions": [] }', ID).length, 1);
  });

  it('leaves quoting expressions, arrays, whole-list tokens and sed-style <X> alone', () => {
    for (const p of [
      '"workingDirectory": ${jsonencode(var.dir)}',
      '"user": {{ .Values.user | quote }}',
      '"user": {{ x | tojson }}',
      '"command": [${args}]',
      '"environment": ${env}',
      '"workingDirectory": <DIR>',
      '"workingDirectory": $DIR', // a jq variable: jq writes a string value with its quotes
    ]) assert.equal(only(c(p), ID).length, 0, p);
  });

  it('a multi-line token is reported without a fix', () => {
    const [d] = only(c('"workingDirectory": ${lookup(\n  var.dirs, "a")}'), ID);
    assert.ok(d);
    assert.equal(d.diagnostic.fixes, undefined);
  });
});
