import { removeEdits } from '../fixes/edits';
import { efsTlsNeed, efsVolumes, enableTransitEncryptionFix, transitEncryptionTarget } from '../documents/efs-volumes';
import { child, str } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'efs-volume-config',
  severity: 'error',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'containers',
  summary: 'EFS access point or IAM authorization without transit encryption; rootDirectory with an access point',
  docs: `Two EFS volume settings only work in combination with others:

- **IAM authorization** (\`authorizationConfig.iam: "ENABLED"\`) and **access points**
  (\`authorizationConfig.accessPointId\`) are enforced by the EFS mount helper over TLS, so the volume must set
  \`transitEncryption: "ENABLED"\`. Without it (the default is \`DISABLED\`) ECS refuses the volume.
- An **access point** already fixes the directory the task sees. \`rootDirectory\` must then be left out or be
  \`"/"\`; any other path conflicts with the access point's own path.

Turn transit encryption on, and move a custom root directory into the access point's configuration.`,
  fixDocs: '"Set transitEncryption to ENABLED" (preferred) · "Remove rootDirectory".',
  examples: {
    bad: '{ "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0", "rootDirectory": "/app", "authorizationConfig": { "accessPointId": "fsap-0123456789abcdef0", "iam": "ENABLED" } } }',
    good: '{ "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0", "transitEncryption": "ENABLED", "authorizationConfig": { "accessPointId": "fsap-0123456789abcdef0", "iam": "ENABLED" } } }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSAuthorizationConfig.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html',
  ],
  check(ctx) {
    for (const v of efsVolumes(ctx.doc, ctx.parsed)) {
      const need = efsTlsNeed(v.efs);
      if (!need) continue;
      if (str(v.tls) !== 'ENABLED' && !ctx.isPlaceholder(v.tls, { enumField: true })) {
        const what = need.reasons.length === 2 ? 'An EFS access point with IAM authorization' : need.reasons[0] === 'access point' ? 'An EFS access point' : 'EFS IAM authorization';
        ctx.report({
          ...transitEncryptionTarget(v),
          message: `${what} requires transitEncryption 'ENABLED'${v.tls && str(v.tls) ? `; got '${str(v.tls)}'` : ' (it defaults to DISABLED)'}.`,
          related: need.nodes.map((n) => ({ node: n, message: `${need.reasons[need.nodes.indexOf(n)]} set here` })),
          fixes: () => [enableTransitEncryptionFix(ctx.text, v)],
          dedupeKey: `efs-tls:${v.efs.offset}`,
        });
      }
      const root = child(v.efs, 'rootDirectory');
      const rootValue = str(root);
      if (need.reasons.includes('access point') && rootValue && rootValue !== '/' && !ctx.isPlaceholder(root)) {
        ctx.report({
          node: root,
          message: `With an access point, rootDirectory must be omitted or '/'; the access point sets the path (got '${rootValue}').`,
          related: [{ node: need.nodes[0], message: 'the access point' }],
          fixes: () => [{ title: 'Remove rootDirectory', preferred: true, edits: removeEdits(ctx.text, root!) }],
        });
      }
    }
  },
});
