import type { Node } from 'jsonc-parser';
import { WINDOWS_UNSUPPORTED_CONTAINER_KEYS, WINDOWS_UNSUPPORTED_TASK_KEYS } from '../facts';
import { bool, child, keyOf, str } from '../syntax/tree';
import { isSet, removeFix } from './_task-size';
import { defineRule, type RuleContext } from './rule';

/** Reported as errors by the launch-type rules on the same key; this warning would only repeat them. */
function reportedElsewhere(ctx: RuleContext, key: string, value: Node): boolean {
  if (ctx.launchIs('F')) {
    if (['links', 'hostname', 'dnsServers', 'dnsSearchDomains', 'extraHosts', 'ipcMode'].includes(key)) return true;
    if ((key === 'privileged' || key === 'disableNetworking') && bool(value) === true) return true;
    if (key === 'pidMode' && str(value) === 'host') return true;
  }
  return key === 'proxyConfiguration' && ctx.launchIs('X');
}

export default defineRule({
  id: 'windows-unsupported-parameter',
  severity: 'warning',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'fargate',
  summary: 'Linux-only parameters in a Windows task definition',
  docs: `The task's \`runtimePlatform.operatingSystemFamily\` is a Windows family, but the definition sets parameters
that only Linux containers have: \`privileged\`, \`readonlyRootFilesystem\`, \`user\`, \`links\`, \`dnsServers\`,
\`dnsSearchDomains\`, \`extraHosts\`, \`disableNetworking\`, \`linuxParameters\`, \`ulimits\` and \`systemControls\` in a
container, or \`pidMode\`, \`ipcMode\` and \`proxyConfiguration\` on the task. The API reference marks each of them as
not supported for Windows containers.

Whether ECS refuses them at registration or silently ignores them is not confirmed, hence a warning: either way
the setting does nothing for a Windows container. Remove it, or move the workload to Linux if you need it.
A boolean set to \`false\` (the default) is not reported.`,
  fixDocs: "\"Remove '{key}'\" (preferred).",
  examples: {
    bad: '{ "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_FULL" }, "containerDefinitions": [ { "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022", "readonlyRootFilesystem": true } ] }',
    good: '{ "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_FULL" }, "containerDefinitions": [ { "name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022" } ] }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
  ],
  check(ctx) {
    if (ctx.doc.os !== 'windows') return;
    const check = (obj: Node | undefined, keys: readonly string[], where: string) => {
      for (const key of keys) {
        const value = child(obj, key);
        if (!isSet(value) || bool(value) === false || reportedElsewhere(ctx, key, value)) continue;
        ctx.report({
          node: keyOf(value) ?? value,
          message: `'${key}' is not supported for Windows ${where}; ECS ignores or rejects it.`,
          fixes: () => [removeFix(ctx.text, value)],
          placeholder: ctx.isPlaceholder(value) || undefined,
        });
      }
    };
    check(ctx.doc.task, WINDOWS_UNSUPPORTED_TASK_KEYS, 'tasks');
    for (const c of ctx.doc.containers) check(c, WINDOWS_UNSUPPORTED_CONTAINER_KEYS, 'containers');
  },
});
