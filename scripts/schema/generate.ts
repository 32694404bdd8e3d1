// Generates schemas/*.schema.json from the @aws-sdk/client-ecs model plus the overlay in ./overlay.
// Run: npm run schema   (add --check to only verify that the committed files are current)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchemas, type JsonObject } from './build.ts';
import { overlay } from './overlay/index.ts';
import { readSdkModel, sdkModelsDir } from './sdk-model.ts';

export const SCHEMA_FILES = {
  task: 'schemas/task-definition.schema.json',
  containers: 'schemas/container-definitions.schema.json',
  service: 'schemas/service-definition.schema.json',
} as const;

/** The repository root: the nearest folder, from the working directory up, whose package.json is ecs-taskdef. */
export function repoRoot(start: string = process.cwd()): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'ecs-taskdef') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no ecs-taskdef package.json above ${start}`);
  }
}

export function generateSchemas(root: string = repoRoot()): { task: JsonObject; containers: JsonObject; service: JsonObject } {
  return buildSchemas(readSdkModel(sdkModelsDir(root)), overlay);
}

/** Stable text form: 2-space JSON with a final newline. */
export function serializeSchema(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function main(args: string[]): number {
  const root = repoRoot();
  const schemas = generateSchemas(root);
  const check = args.includes('--check');
  let stale = 0;
  for (const key of ['task', 'containers', 'service'] as const) {
    const file = path.join(root, SCHEMA_FILES[key]);
    const text = serializeSchema(schemas[key]);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current === text) continue;
    stale++;
    if (check) {
      console.error(`${SCHEMA_FILES[key]} is out of date; run npm run schema`);
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      console.log(`wrote ${SCHEMA_FILES[key]} (${Buffer.byteLength(text)} bytes)`);
    }
  }
  if (!stale) console.log('schemas are up to date');
  return check && stale ? 1 : 0;
}

const invoked = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invoked.endsWith(path.join('scripts', 'schema', 'generate.ts'))) process.exitCode = main(process.argv.slice(2));
