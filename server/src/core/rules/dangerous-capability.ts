import { removeEdits } from '../fixes/edits';
import { containerLabel, objectChild } from '../documents/container-facts';
import { child, items, str } from '../syntax/tree';
import { defineRule } from './rule';

/** Capabilities that reach beyond the container, with the reason shown in the message. */
const DANGEROUS: Record<string, string> = {
  ALL: 'every Linux capability, close to privileged mode',
  SYS_ADMIN: 'mounts, namespaces and many other administrative operations, a common container-escape route',
  SYS_MODULE: 'loading kernel modules into the host kernel',
  SYS_RAWIO: 'raw access to devices and kernel memory',
  SYS_BOOT: 'rebooting the host',
  SYS_TIME: "setting the host's clock",
  NET_ADMIN: 'reconfiguring interfaces, routes and firewall rules',
  DAC_READ_SEARCH: 'reading any file regardless of permissions, including host files by handle',
  MAC_ADMIN: 'changing the AppArmor/SELinux policy',
  MAC_OVERRIDE: 'bypassing the AppArmor/SELinux policy',
};

export default defineRule({
  id: 'dangerous-capability',
  severity: 'warning',
  kinds: ['R', 'D', 'A'],
  launch: ['E', 'X', 'M', 'U'],
  category: 'security',
  summary: 'Host-level Linux capability added (ALL, SYS_ADMIN, NET_ADMIN, …)',
  docs: `\`linuxParameters.capabilities.add\` grants Linux capabilities on top of Docker's default set. Some of
them act on the host rather than on the container: ${Object.keys(DANGEROUS).map((c) => `\`${c}\``).join(', ')}.
A container holding one of these can, depending on the capability, escape to the host, reboot it, change its
clock, rewrite network rules or read any file.

Add such a capability only when the workload cannot work without it, and prefer a narrower one (for example
\`NET_BIND_SERVICE\` to bind ports below 1024, \`SYS_PTRACE\` for debuggers). Fargate only accepts \`SYS_PTRACE\`
(\`fargate-unsupported-parameter\`).`,
  fixDocs: '"Remove {cap}" (preferred).',
  examples: {
    bad: '{ "linuxParameters": { "capabilities": { "add": ["ALL"] } } }',
    good: '{ "linuxParameters": { "capabilities": { "add": ["NET_BIND_SERVICE"], "drop": ["ALL"] } } }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html',
    'capabilities(7) Linux manual page',
  ],
  check(ctx) {
    for (const container of ctx.doc.containers) {
      const caps = objectChild(objectChild(container, 'linuxParameters'), 'capabilities');
      for (const el of items(child(caps, 'add'))) {
        const cap = str(el);
        if (!cap || !Object.prototype.hasOwnProperty.call(DANGEROUS, cap)) continue;
        ctx.report({
          node: el,
          message: `Adding ${cap} gives '${containerLabel(container)}' host-level power (${DANGEROUS[cap]}); add it only if the workload truly needs it.`,
          fixes: () => [{ title: `Remove ${cap}`, preferred: true, edits: removeEdits(ctx.text, el) }],
          dedupeKey: `dangerous-capability@${el.offset}`,
        });
      }
    }
  },
});
