import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../../server/src/core/syntax/parse';

describe('parseDocument: unquoted template tokens are neutralised in place', () => {
  const cases: Array<[string, string, string[]]> = [
    ['value position', '{ "containerPort": ${site_port} }', ['${site_port}']],
    ['array element', '{ "containerDefinitions": [ { "name": "a" }, $ENVOY_CONTAINER_JSON ] }', ['$ENVOY_CONTAINER_JSON']],
    ['angle brackets', '{ "environment": <ENVIRONMENT_VARIABLES>, "secrets": <SECRETS> }', ['<ENVIRONMENT_VARIABLES>', '<SECRETS>']],
    ['jinja', '{ "containerDefinitions": {{ecs_container_definitions|tojson}} }', ['{{ecs_container_definitions|tojson}}']],
    ['bare word in array', '{ "environment": [ { "name": "A", "value": "1" }, TEMPLATE_ENV_VARIABLES_JSON ] }', ['TEMPLATE_ENV_VARIABLES_JSON']],
    ['property position, comma rendered with it', '{ "timeout": 2,\n  $$$$START_PERIOD$$$$\n  "retries": 3 }', ['$$$$START_PERIOD$$$$']],
    ['property position, comma after it', '{ "timeout": 2, $$$START$$$, "retries": 3 }', ['$$$START$$$']],
    ['property position, last', '{ "timeout": 2, $$$START$$$ }', ['$$$START$$$']],
  ];
  for (const [name, text, tokens] of cases) {
    it(name, () => {
      const p = parseDocument(text);
      assert.deepEqual(p.syntaxErrors, [], JSON.stringify(p.analysisText));
      assert.deepEqual(p.templateTokens.map((t) => t.token), tokens);
      assert.equal(p.analysisText.length, text.length, 'offsets stay valid');
      for (const t of p.templateTokens) assert.equal(text.slice(t.offset, t.offset + t.length), t.token);
    });
  }

  it('does not treat typos as placeholders', () => {
    const p = parseDocument('{ "essential": tru }');
    assert.equal(p.templateTokens.length, 0);
    assert.ok(p.syntaxErrors.length > 0);
  });

  it('reports one syntax error per mistake, with the token and what was expected', () => {
    const p = parseDocument('{ "name": "web"\n  "image": "nginx" }');
    assert.equal(p.syntaxErrors.length, 1);
    assert.match(p.syntaxErrors[0].message, /^Unexpected '"image"'; expected ','\.$/);
  });

  it('finds duplicate keys, reporting the earlier ones', () => {
    const p = parseDocument('{ "a": 1, "b": 2, "a": 3, "a": 4 }');
    assert.deepEqual(p.duplicateKeys.map((d) => d.ignored.offset), [2, 18]);
  });
});

describe('precedence: one diagnostic per mistake', async () => {
  const { isSuperseded } = await import('../../server/src/core/precedence');
  it('a specific rule hides a generic one on the same node', () => {
    assert.ok(isSuperseded('invalid-format', 'unrendered-template-reference'));
    assert.ok(isSuperseded('unknown-property', 'misplaced-property'));
    assert.ok(isSuperseded('wrong-type', 'fargate-cpu-memory'));
  });
  it('hygiene advice never hides an error, and specific rules never hide each other', () => {
    assert.ok(!isSuperseded('invalid-format', 'image-mutable-tag'));
    assert.ok(!isSuperseded('missing-required', 'missing-health-check'));
    assert.ok(!isSuperseded('image-mutable-tag', 'execution-role-required'));
    assert.ok(isSuperseded('image-mutable-tag', 'unrendered-template-reference'));
  });
});
