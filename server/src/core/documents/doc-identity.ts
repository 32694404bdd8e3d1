/**
 * Account, partition and Region a document already uses, so fixes that insert an ARN reuse them instead of a
 * placeholder (execution-role-required, task-role-required, plaintext-secret).
 */
import type { Node } from 'jsonc-parser';
import { findAccount, findRegion } from './arn';

function* strings(root: Node | undefined): Generator<string> {
  if (!root) return;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'string') yield n.value as string;
    if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
}

/** The first concrete account/partition in an ARN or ECR host, else `${AWS_ACCOUNT_ID}` in `aws`. */
export function documentAccount(root: Node | undefined): { account: string; partition: string } {
  return findAccount(strings(root)) ?? { account: '${AWS_ACCOUNT_ID}', partition: 'aws' };
}

/** The first concrete Region code in the document, else `${AWS_REGION}`. */
export function documentRegion(root: Node | undefined): string {
  return findRegion(strings(root)) ?? '${AWS_REGION}';
}

/** A role ARN built from the document's account and partition. */
export function roleArnTemplate(root: Node | undefined, roleName: string): string {
  const { account, partition } = documentAccount(root);
  return `arn:${partition}:iam::${account}:role/${roleName}`;
}

/** What a fix that inserts roleArnTemplate(root, roleName) made up, for its title: "role name assumed: …". */
export function assumedRoleNote(arn: string, roleName: string): string {
  return arn.includes('${AWS_ACCOUNT_ID}') ? `role name assumed: ${roleName}; fill in the account` : `role name assumed: ${roleName}`;
}
