/** The checks behind fargate-unsupported-parameter (RULES.md table 2c), one function per part of the task. */
import type { Node } from 'jsonc-parser';
import { fargateSupportRow, FARGATE_UNSUPPORTED_RESOURCE_TYPES, isFargateAddableCapability } from '../facts';
import { removeEdits, replaceElementsEdits } from '../fixes/edits';
import { bool, child, items, keyOf, str } from '../syntax/tree';
import type { Fix } from '../types';
import { isSet, removeFix, setFix } from './_task-size';
import type { RuleContext } from './rule';

/** Keys whose mere presence (non-empty) is refused on Fargate, with the table-2c row that explains why. */
const TASK_KEYS: Record<string, string> = { placementConstraints: 'placement-constraints', ipcMode: 'ipc-mode', inferenceAccelerators: 'inference-accelerators' };
const CONTAINER_KEYS: Record<string, string> = {
  links: 'links', hostname: 'hostname', dnsServers: 'dns-servers', dnsSearchDomains: 'dns-search-domains',
  extraHosts: 'extra-hosts', dockerSecurityOptions: 'docker-security-options',
};
const LINUX_PARAMETER_KEYS: Record<string, string> = { devices: 'devices', sharedMemorySize: 'shared-memory-size', maxSwap: 'max-swap', swappiness: 'swappiness' };
const CONTAINER_FLAGS: Record<string, string> = { privileged: 'privileged', disableNetworking: 'disable-networking' };

/** Task-level rows: placement constraints, IPC, accelerators, host PID, host paths and volume drivers. */
export function checkTask(ctx: RuleContext): void {
  const task = ctx.doc.task;
  for (const [key, row] of Object.entries(TASK_KEYS)) presence(ctx, child(task, key), row);
  const pid = child(task, 'pidMode');
  if (str(pid) === 'host') report(ctx, pid!, 'pid-mode-host', [setFix("Set pidMode to 'task'", pid!, 'task', true)], 'pidMode: "host"');
  for (const volume of items(child(task, 'volumes'))) {
    const sourcePath = child(child(volume, 'host'), 'sourcePath');
    if (isSet(sourcePath)) {
      report(ctx, sourcePath, 'host-source-path', () => [removeFix(ctx.text, sourcePath, true, 'Remove sourcePath (task-scoped bind mount)')], 'host.sourcePath');
    }
    presence(ctx, child(volume, 'dockerVolumeConfiguration'), 'docker-volume');
    // On Windows, fargate-windows reports FSx volumes.
    if (ctx.doc.os !== 'windows') presence(ctx, child(volume, 'fsxWindowsFileServerVolumeConfiguration'), 'fsx-volume');
  }
}

/** Container-level rows. */
export function checkContainer(ctx: RuleContext, c: Node): void {
  for (const [key, row] of Object.entries(CONTAINER_FLAGS)) {
    const node = child(c, key);
    if (bool(node) === true) report(ctx, node!, row, () => [removeFix(ctx.text, node!)]);
  }
  for (const [key, row] of Object.entries(CONTAINER_KEYS)) presence(ctx, child(c, key), row);
  for (const req of items(child(c, 'resourceRequirements'))) {
    const type = child(req, 'type');
    if (FARGATE_UNSUPPORTED_RESOURCE_TYPES.includes(str(type) ?? '')) {
      ctx.report({
        node: type,
        message: `resourceRequirements type '${str(type)}' is not supported on Fargate; remove it or run the task on EC2.`,
        related: [{ node: type, message: fargateSupportRow('gpu')!.explanation }],
        fixes: () => [{ title: 'Remove this resource requirement', preferred: true, edits: removeEdits(ctx.text, req) }],
      });
    }
  }
  const linux = child(c, 'linuxParameters');
  for (const [key, row] of Object.entries(LINUX_PARAMETER_KEYS)) presence(ctx, child(linux, key), row, `linuxParameters.${key}`);
  checkCapabilities(ctx, child(child(linux, 'capabilities'), 'add'));
  const configType = child(child(child(c, 'firelensConfiguration'), 'options'), 'config-file-type');
  if (str(configType) === 's3') report(ctx, configType!, 'firelens-s3-config', [], 'config-file-type "s3"');
}

function checkCapabilities(ctx: RuleContext, add: Node | undefined): void {
  const bad = items(add).filter((el) => el.type === 'string' && !ctx.isPlaceholder(el, { enumField: true }) && !isFargateAddableCapability(el.value as string));
  if (!add || bad.length === 0) return;
  const fix = (): Fix => {
    const kept = items(add).filter((el) => !bad.includes(el));
    return kept.length > 0
      ? { title: 'Keep only SYS_PTRACE', preferred: true, edits: replaceElementsEdits(add, kept.map((el) => el.value), () => [{ offset: add.offset, length: add.length, content: `[${kept.map((el) => ctx.text.slice(el.offset, el.offset + el.length)).join(', ')}]` }]) }
      : removeFix(ctx.text, add, true, "Remove 'add' (only SYS_PTRACE can be added)");
  };
  ctx.report({
    node: keyOf(add) ?? add,
    message: `Adding ${bad.map((b) => `'${b.value as string}'`).join(', ')} in 'capabilities.add' is not supported on Fargate: only SYS_PTRACE can be added there.`,
    fixes: () => [fix()],
  });
}

/** Reports a key whose non-empty presence is the problem. */
function presence(ctx: RuleContext, value: Node | undefined, rowId: string, label?: string): void {
  if (!isSet(value)) return;
  report(ctx, value, rowId, () => [removeFix(ctx.text, value)], label);
}

function report(ctx: RuleContext, value: Node, rowId: string, fixes: Fix[] | (() => Fix[]), label?: string): void {
  const key = keyOf(value);
  const name = label ?? (key?.value as string);
  ctx.report({
    node: key ?? value,
    // One sentence naming the key and the way out; why Fargate lacks it goes to related information.
    message: `'${name}' is not supported on Fargate; ${rowId === 'firelens-s3-config' ? 'put the config file in the image (config-file-type "file")' : 'remove it'}.`,
    related: [{ node: key ?? value, message: fargateSupportRow(rowId)!.explanation }],
    fixes,
    placeholder: ctx.isPlaceholder(value) || undefined,
  });
}
