// Generates schemas/ecs-taskdef-config.schema.json: the JSON Schema of `.ecs-taskdef.json`, from the rule
// catalog, so VS Code completes and checks the config file (package.json jsonValidation). The linter itself
// validates config files with server/src/core/config/project-config.ts (exact messages, regex safety); this schema mirrors it.
// Run: npm run schema   (a test fails when the committed file is stale)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LAUNCH_TYPE_NAMES, SEVERITY_SETTINGS } from '../../server/src/core/config/project-config';
import { ALL_RULES } from '../../server/src/core/rules';

export const CONFIG_SCHEMA_FILE = 'schemas/ecs-taskdef-config.schema.json';

const SEVERITY_TEXT: Record<string, string> = {
  off: 'Never report this rule.',
  error: 'Report as an error (the CLI exits 1).',
  warning: 'Report as a warning.',
  information: 'Report as information.',
  hint: 'Report as a hint (shown faintly in the editor, listed by the CLI).',
};

export function buildConfigSchema(): Record<string, unknown> {
  const severity = { enum: [...SEVERITY_SETTINGS], markdownEnumDescriptions: SEVERITY_SETTINGS.map((s) => SEVERITY_TEXT[s]) };
  const launchType = {
    enum: [...LAUNCH_TYPE_NAMES],
    markdownDescription: 'The launch type to check against when a file declares none in `requiresCompatibilities`.',
  };
  const globs = (what: string) => ({ type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, markdownDescription: what });
  const rules = Object.fromEntries(
    [...ALL_RULES].sort((a, b) => a.id.localeCompare(b.id)).map((r) => [r.id, { ...severity, markdownDescription: `${r.summary} (default: \`${r.severity}\`).` }]),
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'ecs-taskdef configuration (.ecs-taskdef.json)',
    description: 'Settings for ecs-taskdef in this folder and below; the nearest file wins. Comments are allowed.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        markdownDescription: 'Severity per rule id, or `"off"`. Run `ecs-taskdef explain --list` for every rule.',
        properties: rules,
        additionalProperties: false,
      },
      files: globs('Globs (relative to this file) of files to lint even when neither their name nor their content looks like a task definition.'),
      ignore: globs('Globs (relative to this file) of files never linted, also when named on the command line.'),
      launchType: {
        markdownDescription: 'One launch type for every file, or an object of glob → launch type (first match wins).',
        oneOf: [launchType, { type: 'object', additionalProperties: launchType }],
      },
      taskDefinitions: {
        type: 'object',
        markdownDescription:
          'The task definition an appspec or service definition runs, when the conventions (`taskdef.json` beside an appspec, `ecspresso.yml`, the family in `taskDefinition`) do not find it: glob of deploying files → task-definition file, both relative to this file. First match wins.',
        additionalProperties: { type: 'string', minLength: 1 },
      },
      placeholderPatterns: {
        type: 'array',
        markdownDescription:
          'Extra regular expressions (JavaScript syntax) for template placeholders your tooling uses, such as `@@[A-Z_]+@@`. They run on RE2, a linear-time engine: lookaround and backreferences are refused.',
        items: { type: 'string', minLength: 1, format: 'regex' },
      },
    },
  };
}

export function serializeConfigSchema(): string {
  return `${JSON.stringify(buildConfigSchema(), null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const target = path.join(process.cwd(), CONFIG_SCHEMA_FILE);
  fs.writeFileSync(target, serializeConfigSchema());
  console.log(`config schema: ${Object.keys((buildConfigSchema().properties as { rules: { properties: object } }).rules.properties).length} rules → ${CONFIG_SCHEMA_FILE}`);
}
