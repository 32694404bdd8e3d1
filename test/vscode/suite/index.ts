/**
 * Entry point VS Code loads in the extension host (`--extensionTestsPath`): runs the bundled `*.test.js`
 * next to it with mocha and rejects when a test fails, which makes VS Code exit with a non-zero code.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // A failure guard for a hung step; each wait inside the tests has its own shorter, named time-out.
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: !process.env.NO_COLOR });
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      // The runner script reads this summary: VS Code's own exit code does not say how many tests ran.
      const report = process.env.ECS_TASKDEF_VSCODE_TEST_REPORT;
      if (report) writeFileSync(report, JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending }));
      if (failures > 0) reject(new Error(`${failures} VS Code API test(s) failed`));
      else resolve();
    });
  });
}
