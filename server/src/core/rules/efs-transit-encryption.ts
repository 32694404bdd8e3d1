import { efsTlsNeed, objectChild } from '../container-facts';
import { setPropertyEdits } from '../layout-edits';
import { anchorOf, child, str } from '../tree';
import { volumeIndex } from '../task-index';
import { defineRule } from './rule';

export default defineRule({
  id: 'efs-transit-encryption',
  severity: 'warning',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'containers',
  summary: 'EFS volume without transit encryption',
  docs: `An EFS volume whose \`transitEncryption\` is missing or \`DISABLED\` moves file contents between the
container host and the file system as plain NFS traffic. Anyone who can observe that network path can read or
alter it. With \`transitEncryption: "ENABLED"\` the EFS mount helper wraps the connection in TLS; it costs
little and is required anyway once you use access points or IAM authorization (see \`efs-volume-config\`).`,
  fixDocs: '"Set transitEncryption to ENABLED" (preferred).',
  examples: {
    bad: '{ "name": "conf", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0", "transitEncryption": "DISABLED" } }',
    good: '{ "name": "conf", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0", "transitEncryption": "ENABLED" } }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html',
    'Checkov CKV_AWS_97 (ECSTaskDefinitionEFSVolumeEncryption.py)',
    'Trivy AVD-AWS-0035',
  ],
  check(ctx) {
    for (const volume of volumeIndex(ctx.doc, ctx.parsed).entries.map((e) => e.node)) {
      const efs = objectChild(volume, 'efsVolumeConfiguration');
      if (!efs || efsTlsNeed(efs)) continue; // efs-volume-config reports those as errors
      const tls = child(efs, 'transitEncryption');
      if (tls && tls.type !== 'null' && str(tls) !== 'DISABLED') continue; // ENABLED, a placeholder, or invalid-enum-value's case
      const name = str(child(volume, 'name')) ?? 'unnamed';
      ctx.report({
        ...(tls && tls.type !== 'null' ? { node: tls } : { range: anchorOf(efs) }),
        message: `EFS volume '${name}' sends file data unencrypted between the host and EFS; set transitEncryption to ENABLED.`,
        fixes: [{ title: 'Set transitEncryption to ENABLED', preferred: true, edits: setPropertyEdits(ctx.text, efs, 'transitEncryption', 'ENABLED') }],
      });
    }
  },
});
