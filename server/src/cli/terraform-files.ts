/**
 * The JSON files Terraform resources load with file()/templatefile(), read from disk next to the .tf file and
 * linted with the resource's task settings (core/documents/lint-terraform.ts). A missing file, or a path back
 * to a .tf file, is reported on the call.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { lintLoadedContainers, terraformLoadPaths, type TerraformOutput } from '../core/documents/lint-terraform';
import type { TfSubject } from '../core/documents/tf-module';
import type { Diagnostic, LintOptions } from '../core/types';

const MAX_LOADED_SIZE = 4 * 1024 * 1024;

export interface LoadedFile {
  path: string;
  text: string;
  diagnostics: Diagnostic[];
}

/** Checks each resource's loaded file: findings on the call go into `tfDiagnostics`, the file's own are returned. */
export function lintLoadedFiles(tfPath: string, result: TerraformOutput, options: LintOptions, tfDiagnostics: Diagnostic[]): LoadedFile[] {
  const out = new Map<string, LoadedFile>();
  for (const subject of result.module?.subjects ?? []) {
    const link = subject.link;
    if (!link?.path || link.path.includes('${')) continue; // a computed path: not known before terraform runs
    const target = locate(tfPath, link.path, link.fromModule);
    const read = readLoaded(target);
    if (read === 'missing') {
      // `${path.module}/x` is certain; a bare relative path is read from the folder terraform runs in, unknown here.
      if (link.fromModule) tfDiagnostics.push(onCall(subject, 'unknown-task-definition-file', 'error', `${subject.address}: ${link.fn}("\${path.module}/${link.path}") names no file in this module's folder; terraform plan fails here. Check the path.`));
      else tfDiagnostics.push(onCall(subject, 'unknown-task-definition-file', 'warning', `${subject.address}: ${link.fn}("${link.path}") names no file here or in a folder above; it is read from where terraform runs. Check the path.`));
      continue;
    }
    if (/\.tf(\.json)?$/i.test(target) || resolve(target) === resolve(tfPath)) {
      tfDiagnostics.push(onCall(subject, 'not-linted', 'warning', `${subject.address}: ${link.fn}("${link.path}") loads a Terraform file as container definitions, a cycle; load the JSON file instead.`));
      continue;
    }
    if (read === undefined) continue;
    if (link.fn === 'templatefile' && /\btemplatefile\s*\(/.test(read)) {
      tfDiagnostics.push(onCall(subject, 'not-linted', 'warning', `${subject.address}: the template "${link.path}" calls templatefile() itself, which Terraform refuses (no recursive templates).`));
      continue;
    }
    const diagnostics = lintLoadedContainers(read, subject, { ...options, fileName: target });
    const prev = out.get(target);
    if (prev) prev.diagnostics.push(...diagnostics);
    else out.set(target, { path: relativeLike(tfPath, target), text: read, diagnostics });
  }
  return [...out.values()];
}

/** Folders above a child module where the root module (terraform's working folder) may be. */
const MAX_ROOT_DEPTH = 4;

/**
 * Where a loaded file is: `${path.module}/x` in the module's folder; a bare relative path is relative to the folder
 * terraform runs in (the root module's): the module's folder when it is the root, else a folder above it, which is
 * tried up to MAX_ROOT_DEPTH levels up (the first that holds the file wins). Missing everywhere: the module's folder.
 */
export function locate(tfPath: string, path: string, fromModule: boolean): string {
  if (isAbsolute(path)) return path;
  const dir = dirname(resolve(tfPath));
  const here = join(dir, path);
  if (fromModule || statSync(here, { throwIfNoEntry: false })) return here;
  let up = dir;
  for (let i = 0; i < MAX_ROOT_DEPTH && dirname(up) !== up; i++) {
    up = dirname(up);
    const there = join(up, path);
    if (statSync(there, { throwIfNoEntry: false })?.isFile()) return there;
  }
  return here;
}

function onCall(subject: TfSubject, code: string, severity: Diagnostic['severity'], message: string): Diagnostic {
  return { code, severity, message, range: { ...subject.link!.call } };
}

/** The loaded file's path as the user would write it: beside the .tf path they gave. */
function relativeLike(tfPath: string, target: string): string {
  const dir = dirname(tfPath);
  const abs = resolve(dir);
  return target.startsWith(abs + '/') ? join(dir, target.slice(abs.length + 1)) : target;
}

function readLoaded(path: string): string | 'missing' | undefined {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st || st.isDirectory()) return 'missing';
  if (!st.isFile() || st.size > MAX_LOADED_SIZE) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The other .tf files of a Terraform file's folder (a folder is one module): `known` texts (the run's inputs, by
 * absolute path) win over the disk. Paths are given as the user would write them, beside `tfPath`.
 */
export function moduleFiles(tfPath: string, known?: ReadonlyMap<string, string>): Array<{ path: string; text: string }> {
  const dir = dirname(tfPath);
  const self = resolve(tfPath);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.tf$/i.test(n)).sort();
  } catch {
    return [];
  }
  const out: Array<{ path: string; text: string }> = [];
  for (const name of names) {
    const abs = resolve(dir, name);
    if (abs === self) continue;
    const text = known?.get(abs) ?? readLoaded(abs);
    if (typeof text === 'string' && text !== 'missing') out.push({ path: join(dir, basename(name)), text });
  }
  return out;
}

/**
 * The .tf file's module as lint options: the folder's other .tf files, and the JSON files the module's task
 * definitions load (read from disk relative to the module folder; a missing one is reported by lintLoadedFiles).
 */
export function moduleOptions(tfPath: string, text: string | undefined, known?: ReadonlyMap<string, string>): Pick<LintOptions, 'terraformModule' | 'terraformLoaded'> {
  const terraformModule = moduleFiles(tfPath, known);
  const dir = dirname(resolve(tfPath));
  const terraformLoaded: Array<{ path: string; text: string }> = [];
  const own = text ?? readLoaded(tfPath);
  for (const p of terraformLoadPaths([typeof own === 'string' && own !== 'missing' ? own : '', ...terraformModule.map((f) => f.text)])) {
    const abs = locate(tfPath, p.path, p.fromModule);
    const read = known?.get(resolve(abs)) ?? readLoaded(abs);
    if (typeof read === 'string' && read !== 'missing') terraformLoaded.push({ path: p.path, text: read });
  }
  return { terraformModule, terraformLoaded };
}
