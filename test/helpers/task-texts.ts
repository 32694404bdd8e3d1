/** Small task definitions that several test files open, lint or fix. */

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
