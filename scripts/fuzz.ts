/**
 * npm run fuzz — the properties of test/fuzz/suite.ts on many fresh cases (default 100,000), split over worker
 * processes; prints cases and time per property, and each failure minimized with its replay command.
 *
 *   npm run fuzz                                  100,000 cases, random seed, one worker per core
 *   npm run fuzz -- --cases=20000 --seed=42       fewer cases, fixed seed
 *   npm run fuzz -- --only=5 --cases=3000         all the cases on one property (its index in suite.ts)
 *   npm run fuzz -- --property=1 --seed=S --path=P   replay one failure
 *   npm run fuzz -- --hostile                     time lint() on the hostile inputs instead
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import fc from 'fast-check';
import { lint } from '../server/src/core/lint';
import { initHclFromDisk } from '../server/src/lsp/node/hcl-wasm';
import { minimize } from '../test/fuzz/minimize';
import { PROPERTIES, type PropertyResult, runProperty } from '../test/fuzz/suite';
import { HOSTILE, tenMegabyteTask } from '../test/robustness/hostile-texts';

const args = new Map(process.argv.slice(2).map((a) => [a.replace(/^--/, '').split('=')[0], a.includes('=') ? a.slice(a.indexOf('=') + 1) : 'true']));
const num = (key: string, fallback: number) => (args.has(key) ? Number(args.get(key)) : fallback);

function hostileTimings(): void {
  const cases: Array<[string, () => string]> = [
    ['10 MB task definition', tenMegabyteTask],
    ['10,000 nested objects', HOSTILE.deepObjects],
    ['10,000 nested arrays', HOSTILE.deepArrays],
    ...Object.entries(HOSTILE)
      .filter(([k]) => !k.startsWith('deep') && k !== 'longValues')
      .map(([k, f]): [string, () => string] => [k, f as () => string]),
    ['600 KB values', () => HOSTILE.longValues(600_000)],
  ];
  console.log('input'.padEnd(28), 'chars'.padStart(11), 'lint ms'.padStart(9), ' diagnostics');
  for (const [name, make] of cases) {
    const text = make();
    const start = performance.now();
    const out = lint(text);
    const ms = performance.now() - start;
    const codes = [...new Set(out.diagnostics.map((d) => d.code))].slice(0, 4).join(', ');
    console.log(name.padEnd(28), String(text.length).padStart(11), ms.toFixed(0).padStart(9), ` ${out.diagnostics.length} (${codes})`);
  }
}

function replay(): void {
  const p = PROPERTIES[num('property', 0)];
  fc.assert(p.property, { seed: num('seed', 0), path: args.get('path'), endOnFailure: true });
  console.log('no failure on replay');
}

/** One worker: its share of every property; prints one JSON line of results. */
async function worker(): Promise<void> {
  await initHclFromDisk();
  const cases = num('cases', 100_000);
  const workers = num('workers', 1);
  const index = num('index', 0);
  const seed = num('seed', 0);
  const only = args.has('only') ? num('only', -1) : undefined;
  const results: PropertyResult[] = PROPERTIES.map((p, i) => {
    if (only !== undefined && i !== only) return { name: p.name, runs: 0, ms: 0 };
    const runs = Math.ceil((cases * (only === undefined ? p.share : 1)) / workers);
    const r = runProperty(p, runs, seed + index * 7919 + i);
    if (r.failure && p.recheck) r.failure.counterexample = minimize(r.failure.counterexample, p.recheck);
    return r;
  });
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

async function main(): Promise<void> {
  const cases = num('cases', 100_000);
  const workers = num('workers', Math.max(1, Math.min(availableParallelism(), 4)));
  const seed = num('seed', Math.floor(Math.random() * 2 ** 31));
  console.log(`fuzz: ${cases} cases, seed ${seed}, ${workers} worker(s)`);
  const start = performance.now();
  const runs = await Promise.all(
    Array.from({ length: workers }, (_, index) =>
      new Promise<PropertyResult[]>((resolve, reject) => {
        const pass = args.has('only') ? [`--only=${args.get('only')}`] : [];
        const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--worker', `--cases=${cases}`, `--workers=${workers}`, `--index=${index}`, `--seed=${seed}`, ...pass], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        child.stdout.on('data', (d) => (out += String(d)));
        child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`worker ${index} exited with ${code}`))));
      }),
    ),
  );
  let total = 0;
  let failed = 0;
  PROPERTIES.forEach((p, i) => {
    const mine = runs.map((r) => r[i]);
    const n = mine.reduce((s, r) => s + r.runs, 0);
    const ms = Math.max(...mine.map((r) => r.ms));
    total += n;
    console.log(`${String(n).padStart(7)} cases  ${(ms / 1000).toFixed(1).padStart(6)} s  ${p.name}`);
    for (const r of mine) {
      if (!r.failure) continue;
      failed++;
      console.log(`  FAILED: ${r.failure.message.split('\n')[0].slice(0, 300)}`);
      console.log(`  input:\n${r.failure.counterexample.slice(0, 4000)}`);
      console.log(`  replay: npm run fuzz -- --property=${i} --seed=${r.failure.seed} --path=${r.failure.path}`);
    }
  });
  console.log(`${total} cases in ${((performance.now() - start) / 1000).toFixed(0)} s; ${failed ? `${failed} failure(s)` : 'no failures'}`);
  process.exitCode = failed ? 1 : 0;
}

if (args.has('worker')) void worker();
else if (args.has('hostile')) hostileTimings();
else if (args.has('path')) replay();
else void main();
