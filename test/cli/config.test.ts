import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatConfigProblem,
  isIgnoredByConfig,
  isIncludedByConfig,
  launchTypeFromConfig,
  lintOptionsFromConfig,
  parseConfig,
} from '../../server/src/core/config/project-config';
import { isTaskDefinitionFileName } from '../../server/src/core/documents/file-detection';

function problemsOf(text: string): string[] {
  const r = parseConfig(text);
  assert.equal(r.config, undefined, 'a config with problems is not used');
  return r.problems.map((p) => formatConfigProblem('.ecs-taskdef.json', p));
}

describe('core/config: .ecs-taskdef.json', () => {
  it('reads every key of a JSONC config (comments, trailing commas)', () => {
    const { config, problems } = parseConfig(`{
      "$schema": "https://example.com/ignored",
      // team defaults
      "rules": { "image-mutable-tag": "off", "missing-health-check": "error" },
      "files": ["infra/**/containers.json"],
      "ignore": ["legacy/", "examples/**"],
      "launchType": { "infra/**": "FARGATE", "edge/*.json": "EXTERNAL" },
      "placeholderPatterns": ["@@[A-Z_]+@@"],
    }`);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      rules: { 'image-mutable-tag': 'off', 'missing-health-check': 'error' },
      files: ['infra/**/containers.json'],
      ignore: ['legacy/', 'examples/**'],
      launchType: [
        { glob: 'infra/**', type: 'FARGATE' },
        { glob: 'edge/*.json', type: 'EXTERNAL' },
      ],
      placeholderPatterns: ['@@[A-Z_]+@@'],
      taskDefinitions: [],
    });
  });

  it('an empty file or {} is an empty config', () => {
    for (const text of ['', '{}', '// nothing yet\n']) {
      const { config, problems } = parseConfig(text);
      assert.deepEqual(problems, [], text);
      assert.deepEqual(config, { rules: {}, files: [], ignore: [], launchType: [], placeholderPatterns: [], taskDefinitions: [] });
    }
  });

  it('a launch type string applies to every file', () => {
    const { config } = parseConfig('{ "launchType": "EC2" }');
    assert.equal(launchTypeFromConfig(config!, 'a/b/c.json'), 'EC2');
    assert.equal(launchTypeFromConfig(config!, 'x.json'), 'EC2');
  });

  it('launch type globs: relative to the config folder, first match wins, none → undefined', () => {
    const { config } = parseConfig('{ "launchType": { "infra/edge/*.json": "EXTERNAL", "infra/**": "FARGATE" } }');
    assert.equal(launchTypeFromConfig(config!, 'infra/edge/a.json'), 'EXTERNAL');
    assert.equal(launchTypeFromConfig(config!, 'infra/web/a.json'), 'FARGATE');
    assert.equal(launchTypeFromConfig(config!, 'app/task-def.json'), undefined);
  });

  it('files and ignore globs; a trailing slash means the whole folder', () => {
    const { config } = parseConfig('{ "files": ["*.ecs.json"], "ignore": ["legacy/", "gen/**/*.json"] }');
    assert.ok(isIncludedByConfig(config!, 'deep/down/web.ecs.json'), 'a glob without a slash matches the name at any depth');
    assert.ok(!isIncludedByConfig(config!, 'web.json'));
    assert.ok(isIgnoredByConfig(config!, 'legacy/task-def.json'));
    assert.ok(isIgnoredByConfig(config!, 'legacy/old/task-def.json'));
    assert.ok(isIgnoredByConfig(config!, 'gen/a/b/task-def.json'));
    assert.ok(!isIgnoredByConfig(config!, 'legacy-notes/task-def.json'));
    assert.ok(!isIgnoredByConfig(config!, 'app/task-def.json'));
  });

  it('lint options from the config: rules, launch type and placeholder patterns, nothing else', () => {
    const { config } = parseConfig('{ "rules": { "root-user": "warning" }, "launchType": "FARGATE", "placeholderPatterns": ["@@\\\\w+@@"] }');
    assert.deepEqual(lintOptionsFromConfig(config!, 'x.json'), {
      rules: { 'root-user': 'warning' },
      defaultLaunchType: 'FARGATE',
      placeholderPatterns: ['@@\\w+@@'],
    });
    assert.deepEqual(lintOptionsFromConfig(parseConfig('{}').config!, 'x.json'), {});
  });

  it('syntax errors: the first one, with line and column (1-based)', () => {
    assert.deepEqual(problemsOf('{\n  "rules": {\n    "root-user": "off"\n'), ['.ecs-taskdef.json:4:1: JSON syntax error: close brace expected']);
    assert.deepEqual(problemsOf('{ "rules": { "root-user": off } }'), ['.ecs-taskdef.json:1:27: JSON syntax error: invalid symbol']);
  });

  it('unknown keys and rule ids point at the key and suggest the near one', () => {
    assert.deepEqual(problemsOf('{\n  "rule": {}\n}'), [".ecs-taskdef.json:2:3: Unknown key 'rule' (did you mean 'rules'?); allowed: rules, files, ignore, launchType, placeholderPatterns, taskDefinitions."]);
    assert.deepEqual(problemsOf('{ "rules": {\n    "image-mutable-tags": "off" } }'), [
      ".ecs-taskdef.json:2:5: Unknown rule 'image-mutable-tags' (did you mean 'image-mutable-tag'?). Run 'ecs-taskdef explain --list' for all rules.",
    ]);
  });

  it('bad values: severity, launch type, non-array globs, empty strings, broken regexes, non-object root', () => {
    assert.deepEqual(problemsOf('{ "rules": { "root-user": "warn" } }'), [
      '.ecs-taskdef.json:1:27: Severity of \'root-user\' must be one of "off", "error", "warning", "information", "hint".',
    ]);
    assert.deepEqual(problemsOf('{ "launchType": "fargate" }'), ['.ecs-taskdef.json:1:17: Launch type must be one of "FARGATE", "EC2", "EXTERNAL", "MANAGED_INSTANCES".']);
    assert.deepEqual(problemsOf('{ "launchType": { "a/**": "ECS" } }'), ['.ecs-taskdef.json:1:27: Launch type must be one of "FARGATE", "EC2", "EXTERNAL", "MANAGED_INSTANCES".']);
    assert.deepEqual(problemsOf('{ "launchType": 3 }'), [`.ecs-taskdef.json:1:17: 'launchType' must be a launch type ("FARGATE", …) or an object of glob → launch type.`]);
    assert.deepEqual(problemsOf('{ "files": "infra/*.json" }'), [".ecs-taskdef.json:1:12: 'files' must be an array of strings."]);
    assert.deepEqual(problemsOf('{ "ignore": ["ok/", ""] }'), [".ecs-taskdef.json:1:21: Every entry of 'ignore' must be a non-empty string."]);
    const [regex] = problemsOf('{ "placeholderPatterns": ["fine", "(unclosed"] }');
    assert.match(regex, /^\.ecs-taskdef\.json:1:35: Invalid regular expression in placeholderPatterns: .*\(unclosed/);
    const [unsupported] = problemsOf('{ "placeholderPatterns": ["fine", "a(?=b)"] }');
    assert.match(unsupported, /^\.ecs-taskdef\.json:1:35: Unsupported regular expression in placeholderPatterns: 'a\(\?=b\)': lookahead and lookbehind .* not supported/);
    assert.deepEqual(parseConfig('{ "placeholderPatterns": ["(a+)+$", "(a|a)*$"] }').problems, [], 'patterns that backtrack in JavaScript run in linear time on RE2');
    assert.deepEqual(problemsOf('[]'), ['.ecs-taskdef.json:1:1: The config must be a JSON object.']);
    assert.deepEqual(problemsOf('{ "rules": [] }'), [".ecs-taskdef.json:1:12: 'rules' must be an object of rule id → severity."]);
  });

  it('every problem is listed, not only the first', () => {
    assert.equal(problemsOf('{ "x": 1, "y": 2, "rules": { "nope": "off" } }').length, 3);
  });

  it('the config file itself is never taken for a task definition by its name', () => {
    assert.equal(isTaskDefinitionFileName('/repo/.ecs-taskdef.json'), false);
    assert.equal(isTaskDefinitionFileName('/repo/ecs-taskdef.json'), true, 'only the exact config name is exempt');
  });
});
