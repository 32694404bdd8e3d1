/** Small task definitions that several test files open, lint or fix. */
import assert from 'node:assert/strict';

/** A Fargate task definition with `body` as its properties after family and requiresCompatibilities. */
export const fargateTask = (body: string): string => `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  ${body}
}`;

/** A Fargate awsvpc task (cpu 256, memory 512) around one container line, with an optional first-line comment. */
export function webTask(container: string, opts: { comment?: string; finalNewline?: boolean } = {}): string {
  const comment = opts.comment ? `  // ${opts.comment}\n` : '';
  return `{
${comment}  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    ${container}
  ]
}${opts.finalNewline ? '\n' : ''}`;
}

/**
 * `text` with each `[from, to]` replaced, each `from` found exactly once: an expected text written as the changes
 * a fix makes to the input, so the reader sees what changed and any other difference still fails.
 */
export function changed(text: string, edits: ReadonlyArray<[string, string]>): string {
  let out = text;
  for (const [from, to] of edits) {
    assert.equal(out.split(from).length, 2, `'${from}' once in the text`);
    out = out.replace(from, () => to);
  }
  return out;
}
