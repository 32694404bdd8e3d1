/** The "Move to secrets" fix of an environment entry (rules plaintext-secret and secret-in-value). */
import { findNodeAtLocation } from 'jsonc-parser';
import { documentAccount, documentRegion } from '../documents/doc-identity';
import { addExecutionRoleStep, withRoleNote } from './execution-role-fix';
import { appendElementEdits, chainEdits, removeStep, setPropertyEdits } from './layout-edits';
import { RESOURCE_NAME_REGEX } from '../facts/limits';
import type { RuleContext } from '../rules/rule';
import { child, items, type Node, pathOf, str } from '../syntax/tree';
import type { Fix, TextEdit } from '../types';

/** The dedupe key both rules give an environment entry: one finding per value (precedence.ts picks the winner). */
export function secretEntryKey(entryOffset: number): string {
  return `secret-env:${entryOffset}`;
}

/**
 * The fix, built on first use; none when moving would leave a conflict: the name set twice in environment
 * (duplicate-environment-variable's fix comes first) or already in secrets (secret-environment-collision).
 * The conflict scan is in the builder too: an environment of 100,000 entries must not cost a scan per entry.
 */
export function moveToSecretsFix(ctx: RuleContext, container: Node, entry: Node): () => Fix[] {
  return () => {
    const name = str(child(entry, 'name'));
    if (!name) return [];
    if (items(child(container, 'secrets')).some((s) => str(child(s, 'name')) === name)) return [];
    if (items(child(container, 'environment')).filter((e) => str(child(e, 'name')) === name).length > 1) return [];
    return [{ title: withRoleNote('Move to secrets', !!addExecutionRoleStep(ctx.doc, ctx.parsed)), edits: moveEdits(ctx, container, entry, name) }];
  };
}

function moveEdits(ctx: RuleContext, container: Node, entry: Node, name: string): TextEdit[] {
  const family = str(child(ctx.doc.task, 'family'));
  const { account, partition } = documentAccount(ctx.parsed.root);
  const prefix = family && RESOURCE_NAME_REGEX.test(family) ? `${family}/` : '';
  const secret = { name, valueFrom: `arn:${partition}:ssm:${documentRegion(ctx.parsed.root)}:${account}:parameter/${prefix}${name}` };
  const containerPath = pathOf(container);
  // Removing the entry first keeps the container's path valid for the second step.
  const role = addExecutionRoleStep(ctx.doc, ctx.parsed); // reading an SSM parameter needs the execution role
  return chainEdits(ctx.text, [
    ...(role ? [role] : []),
    removeStep(pathOf(entry)),
    (text, root) => {
      const obj = root && findNodeAtLocation(root, containerPath);
      if (obj?.type !== 'object') return [];
      const secrets = child(obj, 'secrets');
      return secrets?.type === 'array' ? appendElementEdits(text, secrets, secret) : setPropertyEdits(text, obj, 'secrets', [secret]);
    },
  ], container);
}
