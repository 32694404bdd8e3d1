import { assumedRoleNote, roleArnTemplate } from '../documents/doc-identity';
import { setPropertyEdits } from '../fixes/layout-edits';
import { RESOURCE_NAME_REGEX } from '../facts/limits';
import { child, isEmptyValue, items, keyOf, str } from '../syntax/tree';
import type { Fix } from '../types';
import { defineRule } from './rule';

export default defineRule({
  id: 'task-role-required',
  severity: 'warning',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'roles',
  summary: 'EFS IAM authorization or an S3 Files volume without a task role',
  docs: `Two volume types authenticate with the **task role** (\`taskRoleArn\`), not the execution role:

- an EFS volume with \`authorizationConfig.iam: "ENABLED"\` — the mount is made with the task role's identity,
  so the file system policy must allow that role (\`elasticfilesystem:ClientMount\`, plus \`ClientWrite\` /
  \`ClientRootAccess\` as needed);
- an \`s3filesVolumeConfiguration\` volume — the API requires a task role for it.

Without \`taskRoleArn\` the mount has no identity and fails. Add a task role with the file-system permissions.`,
  fixDocs: 'Add taskRoleArn: inserts `arn:aws:iam::<account>:role/<family>-task` as a starting value; create that role or point it at an existing one.',
  examples: {
    bad: '{ "volumes": [ { "name": "data", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0", "transitEncryption": "ENABLED", "authorizationConfig": { "iam": "ENABLED" } } } ] }',
    good: '{ "taskRoleArn": "arn:aws:iam::123456789012:role/app-task",\n  "volumes": [ { "name": "data", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0", "transitEncryption": "ENABLED", "authorizationConfig": { "iam": "ENABLED" } } } ] }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
  ],
  check(ctx) {
    const task = ctx.doc.task;
    if (!task) return;
    const role = child(task, 'taskRoleArn');
    if (role && !isEmptyValue(role) && !(role.type === 'string' && (role.value as string).trim() === '')) return;
    const family = str(child(task, 'family'));
    const roleName = `${family && RESOURCE_NAME_REGEX.test(family) ? family.slice(0, 59) : 'app'}-task`;
    // The ARN template walks the whole tree for an account: built once, when a fix is asked for.
    let fix: Fix | undefined;
    const fixes = (): Fix[] => {
      if (!fix) {
        const arn = roleArnTemplate(ctx.parsed.root, roleName);
        fix = { title: `Add taskRoleArn (${assumedRoleNote(arn, roleName)})`, edits: setPropertyEdits(ctx.text, task, 'taskRoleArn', arn) };
      }
      return [fix];
    };
    for (const vol of items(child(task, 'volumes'))) {
      const name = str(child(vol, 'name')) ?? '(unnamed)';
      const iam = child(child(child(vol, 'efsVolumeConfiguration'), 'authorizationConfig'), 'iam');
      if (str(iam) === 'ENABLED') {
        ctx.report({ node: iam, message: `Volume '${name}' mounts EFS with IAM authorization, which uses the task role, but taskRoleArn is not set.`, fixes });
      }
      const s3files = child(vol, 's3filesVolumeConfiguration');
      if (s3files && !isEmptyValue(s3files)) {
        ctx.report({ node: keyOf(s3files), message: `Volume '${name}' is an S3 Files volume, which uses the task role, but taskRoleArn is not set.`, fixes });
      }
    }
  },
});
