/**
 * The two wasm files of the HCL parser, read from disk for the CLI and the desktop server: in dist/web/ beside the
 * bundles (scripts/build.mjs puts them there once, for the web worker too), or from node_modules when running from
 * source (tests, tsx).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initHcl, type HclWasm } from '../../core/syntax/hcl';

export const HCL_WASM_FILES = { runtime: 'tree-sitter.wasm', grammar: 'tree-sitter-hcl.wasm' } as const;

/** From node_modules (tests and tsx); a variable id, so the bundler leaves it to the run time. */
const fromModules = (id: string): string => require.resolve(id);

function locate(file: string, fromPackage: () => string): string {
  const beside = typeof __dirname === 'string' ? join(__dirname, 'web', file) : undefined;
  return beside && existsSync(beside) ? beside : fromPackage();
}

export function readHclWasm(): HclWasm {
  const runtime = locate(HCL_WASM_FILES.runtime, () => fromModules('web-tree-sitter/tree-sitter.wasm'));
  const grammar = locate(HCL_WASM_FILES.grammar, () => join(fromModules('@tree-sitter-grammars/tree-sitter-hcl/package.json'), '..', 'tree-sitter-hcl.wasm'));
  return { runtime: readFileSync(runtime), grammar: readFileSync(grammar) };
}

/** Loads the HCL parser from disk (once). */
export function initHclFromDisk(): Promise<void> {
  return initHcl(readHclWasm);
}
