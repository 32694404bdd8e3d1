import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseTree } from 'jsonc-parser';
import { DESCRIBE_ONLY_KEYS } from '../../server/src/core/documents/classify';
import { toRegisterInput, toRegisterInputEdit } from '../../server/src/core/fixes/convert';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import { lint } from '../../server/src/core/lint';

const DESCRIBE = `// saved with: aws ecs describe-task-definition --task-definition web
{
    // the CLI wraps the definition
    "taskDefinition": {
        "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7",
        "family": "web", // keep me
        "containerDefinitions": [
            {
                "name": "web",
                "image": "nginx:1.27"
            }
        ],
        "revision": 7,
        "status": "ACTIVE",
        "compatibilities": [
            "EC2"
        ],
        "registeredAt": "2024-05-01T10:00:00.000Z"
    },
    "tags": [
        {
            "key": "team",
            "value": "web" /* owner */
        }
    ]
}
`;

const REGISTER = `// saved with: aws ecs describe-task-definition --task-definition web
// the CLI wraps the definition
{
    "family": "web", // keep me
    "containerDefinitions": [
        {
            "name": "web",
            "image": "nginx:1.27"
        }
    ],
    "tags": [
        {
            "key": "team",
            "value": "web" /* owner */
        }
    ]
}
`;

describe('toRegisterInput', () => {
  it('unwraps, re-indents one level, drops read-only keys, moves tags in, keeps comments', () => {
    assert.equal(toRegisterInput(DESCRIBE), REGISTER);
  });

  it('is idempotent and leaves register input byte for byte', () => {
    assert.equal(toRegisterInput(REGISTER), REGISTER);
    const flat = '{\n  "family": "web",\n  "containerDefinitions": []\n}\n';
    assert.equal(toRegisterInput(flat), flat);
    assert.equal(toRegisterInputEdit(flat), undefined);
  });

  it('drops an empty sibling tags array and handles one-line documents', () => {
    const one = '{ "taskDefinition": { "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7", "revision": 7, "status": "ACTIVE", "family": "web", "containerDefinitions": [ { "name": "web", "image": "nginx:1.27" } ] }, "tags": [] }';
    assert.equal(toRegisterInput(one), '{ "family": "web", "containerDefinitions": [ { "name": "web", "image": "nginx:1.27" } ] }');
  });

  it('removes describe-only keys of flat describe output, fixing commas at the end', () => {
    const text = '{\n  "family": "web",\n  "containerDefinitions": [],\n  "revision": 3,\n  "status": "ACTIVE"\n}';
    assert.equal(toRegisterInput(text), '{\n  "family": "web",\n  "containerDefinitions": []\n}');
    assert.equal(toRegisterInput('{"revision": 7, "family": "x"}'), '{"family": "x"}');
    assert.equal(toRegisterInput('{"family": "x", "revision": 7}'), '{"family": "x"}');
  });

  it('keeps CRLF line endings and tab indentation', () => {
    const text = '{\r\n\t"taskDefinition": {\r\n\t\t"family": "web",\r\n\t\t"revision": 1\r\n\t},\r\n\t"tags": [{"key": "a", "value": "b"}]\r\n}\r\n';
    assert.equal(toRegisterInput(text), '{\r\n\t"family": "web",\r\n\t"tags": [{"key": "a", "value": "b"}]\r\n}\r\n');
  });

  it('puts sibling tags into an empty tags array inside the task, but never over non-empty ones', () => {
    const empty = '{\n  "taskDefinition": {\n    "family": "web",\n    "tags": []\n  },\n  "tags": [{"key": "a", "value": "b"}]\n}';
    assert.equal(toRegisterInput(empty), '{\n  "family": "web",\n  "tags": [{"key": "a", "value": "b"}]\n}');
    const full = '{\n  "taskDefinition": {\n    "family": "web",\n    "tags": [{"key": "x", "value": "y"}]\n  },\n  "tags": [{"key": "a", "value": "b"}]\n}';
    assert.equal(toRegisterInput(full), '{\n  "family": "web",\n  "tags": [{"key": "x", "value": "y"}]\n}');
  });

  it('keeps a trailing line comment with the last property when tags are added', () => {
    const text = '{\n  "taskDefinition": {\n    "family": "web" // the family\n  },\n  "tags": [{"key": "a", "value": "b"}]\n}';
    assert.equal(toRegisterInput(text), '{\n  "family": "web", // the family\n  "tags": [{"key": "a", "value": "b"}]\n}');
  });

  it('keeps the comments of removed describe-only keys and leaves one-line objects on one line', () => {
    const text = '{\n  "family": "web",\n  "revision": 3, // bumped by CI\n  "status": "ACTIVE"\n}';
    assert.equal(toRegisterInput(text), '{\n  "family": "web"\n  // bumped by CI\n}');
    assert.equal(toRegisterInput('{ "revision": 3, "family": "web", "status": "ACTIVE" }'), '{ "family": "web" }');
  });

  it('the rule fix edit produces the same text', () => {
    const edit = toRegisterInputEdit(DESCRIBE)!;
    assert.equal(applyTextEdits(DESCRIBE, [edit]), REGISTER);
    assert.ok(edit.offset > 0, 'the unchanged first line is not part of the edit');
  });

  it('converts every describe output in the corpus to valid register input without read-only keys', () => {
    const dir = '/work/shared/corpus/files';
    let converted = 0;
    for (const f of readdirSync(dir)) {
      const text = readFileSync(`${dir}/${f}`, 'utf8');
      const before = lint(text);
      if (!before.diagnostics.some((d) => d.code === 'read-only-property')) continue;
      const out = toRegisterInput(text);
      const errors: unknown[] = [];
      const root = parseTree(out, errors as never, { allowTrailingComma: true });
      assert.equal(errors.length, before.parsed.syntaxErrors.length === 0 && before.parsed.templateTokens.length === 0 ? 0 : errors.length, `${f}: syntax`);
      assert.equal(root?.type, 'object', f);
      assert.ok(!root!.children!.some((p) => (DESCRIBE_ONLY_KEYS as readonly string[]).includes(p.children![0].value)), `${f}: read-only key left`);
      const after = lint(out);
      assert.deepEqual(after.diagnostics.filter((d) => d.code === 'read-only-property').map((d) => d.message), [], f);
      assert.equal(after.kind, 'register', f);
      assert.equal(toRegisterInput(out), out, `${f}: not idempotent`);
      converted++;
    }
    assert.ok(converted >= 12, `only ${converted} describe files converted`);
  });
});
