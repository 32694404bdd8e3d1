import { hasValue } from '../documents/container-facts';
import { efsTlsNeed, efsVolumes, enableTransitEncryptionFix, transitEncryptionTarget } from '../documents/efs-volumes';
import { child, type Node, str } from '../syntax/tree';
import { defineRule } from './rule';

const OTHER_KINDS = ['host', 'dockerVolumeConfiguration', 'fsxWindowsFileServerVolumeConfiguration', 's3filesVolumeConfiguration'];
const mixed = (volume: Node) =>
  OTHER_KINDS.some((k) => {
    const v = child(volume, k);
    return k === 'host' ? !!v && v.type !== 'null' : hasValue(v); // an empty host block still makes a host volume
  });

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
    for (const v of efsVolumes(ctx.doc, ctx.parsed)) {
      if (efsTlsNeed(v.efs)) continue; // efs-volume-config reports those as errors
      if (v.tls && v.tls.type !== 'null' && str(v.tls) !== 'DISABLED') continue; // ENABLED, a placeholder, or invalid-enum-value's case
      const name = str(child(v.volume, 'name')) ?? 'unnamed';
      ctx.report({
        ...transitEncryptionTarget(v),
        message: `EFS volume '${name}' sends file data unencrypted between the host and EFS; set transitEncryption to ENABLED.`,
        // A volume that is also another kind must first become one kind (volume-multiple-types); filling the empty
        // EFS block would make that error appear.
        // Nor is it offered on a block without fileSystemId: the schema's missing-required comes first.
        fixes: mixed(v.volume) || !str(child(v.efs, 'fileSystemId')) ? [] : () => [enableTransitEncryptionFix(ctx.text, v)],
      });
    }
  },
});
