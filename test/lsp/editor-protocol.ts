/** Helpers for the editor-feature protocol tests: cursor markers, positions and applying LSP edits. */
import { LineIndex, type Position } from '../../server/src/core/syntax/positions';
import type { LspDiagnostic, TestClient } from '../helpers/lsp-client';

export interface LspRange {
  start: Position;
  end: Position;
}

export interface LspTextEdit {
  range: LspRange;
  newText: string;
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyLspEdits(text: string, edits: readonly LspTextEdit[]): string {
  const idx = new LineIndex(text);
  const offsets = edits.map((e) => ({ start: idx.offsetAt(e.range.start), end: idx.offsetAt(e.range.end), text: e.newText }));
  offsets.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of offsets) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Opens `marked` (cursor written as `|`) and returns the clean text and the cursor position. */
export async function openAtCursor(client: TestClient, uri: string, marked: string, version = 1): Promise<{ text: string; position: Position }> {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | cursor');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  await client.open(uri, text, version);
  return { text, position: new LineIndex(text).positionAt(offset) };
}

let counter = 0;
/** A fresh task-definition URI per test, so documents never interfere. */
export function freshUri(prefix = 'task-def'): string {
  counter++;
  return `file:///work/app/${prefix}-${counter}.json`;
}

export interface LspCodeAction {
  title: string;
  edit?: { changes: Record<string, LspTextEdit[]> };
}

export interface LspCompletionItem {
  label: string;
  textEdit?: { newText: string };
}

/** The document's diagnostics, pulled (textDocument/diagnostic). */
export async function pullDiagnostics(client: TestClient, uri: string): Promise<LspDiagnostic[]> {
  return (await client.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
}

/** The code actions offered for one diagnostic, asked on its range. */
export function codeActionsFor(client: TestClient, uri: string, d: LspDiagnostic): Promise<LspCodeAction[]> {
  return client.request<LspCodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
}

/** The completion items at a position (a list or a bare array, as the server answers). */
export async function completionItems(client: TestClient, uri: string, position: Position): Promise<LspCompletionItem[]> {
  const list = await client.request<{ items: LspCompletionItem[] } | LspCompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
  return Array.isArray(list) ? list : list.items;
}

/** The hover's markdown at a position, or undefined when there is none. */
export async function hoverMarkdown(client: TestClient, uri: string, position: Position): Promise<string | undefined> {
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position });
  return hover?.contents.value;
}
