/**
 * Where the YAML writer puts what it writes when the text around a key is unusual: a tag, anchor or placeholder
 * glued onto a key, a block scalar as the last value, a comment after a removed key, explicit `? key`s, CRLF, flow
 * mappings. Each case: the exact text after the fix, the template still reads, and the finding is gone. (The
 * seeded fuzz run found the first of these: a key inserted at the column of a key that carried `!Ref P`.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import { lint } from '../../server/src/core/lint';

const OPTIONS = { fileName: 'template.yaml' };

const HEAD = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
`;

/** The text after the fix of `code` whose title starts with `title`; asserts it reads and the finding goes. */
function fixed(text: string, code: string, title: string): string {
  const d = lint(text, OPTIONS).diagnostics.find((x) => x.code === code && x.fixes?.some((f) => f.title.startsWith(title)));
  assert.ok(d, `no ${code} fix '${title}' on:\n${text}`);
  const after = applyTextEdits(text, d.fixes!.find((f) => f.title.startsWith(title))!.edits);
  const next = lint(after, OPTIONS).diagnostics;
  assert.deepEqual(next.filter((x) => x.code === 'json-syntax').map((x) => x.message), [], after);
  assert.ok(!next.some((x) => x.code === code && x.range.offset === d.range.offset && x.message === d.message), `the finding stays:\n${after}`);
  return after;
}

const fixTitles = (text: string, code: string) => lint(text, OPTIONS).diagnostics.filter((d) => d.code === code).flatMap((d) => (d.fixes ?? []).map((f) => f.title));

describe('YAML writer: where inserted keys land', () => {
  it('a tag glued onto the first key of a list item: the new key takes the entry’s column, not the key’s', () => {
    const text = `${HEAD}      ContainerDefinitions:\n        - !Ref PName: web\n          Image: nginx:1.27\n          Memory: 512\n`;
    assert.equal(fixed(text, 'readonly-root-filesystem', 'Set ReadonlyRootFilesystem'), `${text}          ReadonlyRootFilesystem: true\n`);
  });

  it('an anchor on the only key of a mapping: the key inserted after it lines up with the anchor', () => {
    const text = `${HEAD}      Volumes:\n        - Name: data\n          EFSVolumeConfiguration:\n            &fs FilesystemId: fs-1\n`;
    assert.equal(fixed(text, 'efs-transit-encryption', 'Set TransitEncryption'), `${text}            TransitEncryption: ENABLED\n`);
  });

  it('an anchor beside the dash: a key inserted among the entries lines up with the anchor', () => {
    const text = `${HEAD}      ContainerDefinitions:\n        - &c  Name: web\n          Image: nginx:1.27\n          ReadonlyRootFilesystem: true\n`;
    const after = fixed(text, 'container-memory-required', 'Add MemoryReservation');
    assert.equal(after, text.replace('          ReadonlyRootFilesystem', '          MemoryReservation: 256\n          ReadonlyRootFilesystem'));
  });

  it('a block scalar as the last value: the key goes after its last line, not after the next key', () => {
    const text = `${HEAD}      Volumes:\n        - Name: data\n          EFSVolumeConfiguration:\n            FilesystemId: >-\n              fs-1\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 512\n          ReadonlyRootFilesystem: true\n`;
    const after = fixed(text, 'efs-transit-encryption', 'Set TransitEncryption');
    assert.equal(after, text.replace('              fs-1\n', '              fs-1\n            TransitEncryption: ENABLED\n'));
  });

  it('a block-style intrinsic as the last value (`Ref:` on the next line): the key goes after it, not after the next key', () => {
    const text = `${HEAD}      Volumes:\n        - Name: data\n          EFSVolumeConfiguration:\n            FilesystemId:\n              Ref: FileSystem\n      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 512\n          ReadonlyRootFilesystem: true\n`;
    const after = fixed(text, 'efs-transit-encryption', 'Set TransitEncryption');
    assert.equal(after, text.replace('              Ref: FileSystem\n', '              Ref: FileSystem\n            TransitEncryption: ENABLED\n'));
  });

  it('a placeholder glued before the first key of the template changes nothing about placement', () => {
    const text = `<IMAGE>${HEAD}      Volumes:\n        - Name: data\n          EFSVolumeConfiguration: # the share\n            FilesystemId: fs-1 # id\n`;
    assert.equal(fixed(text, 'efs-transit-encryption', 'Set TransitEncryption'), `${text}            TransitEncryption: ENABLED\n`);
  });

  it('a flow mapping gets the key inside its braces; CRLF is kept in block mappings', () => {
    const flow = `${HEAD}      Volumes:\n        - { Name: data, EFSVolumeConfiguration: { FilesystemId: fs-1 } }\n`;
    assert.equal(fixed(flow, 'efs-transit-encryption', 'Set TransitEncryption'), flow.replace('fs-1 }', 'fs-1, TransitEncryption: ENABLED }'));
    const crlf = `${HEAD}      Volumes:\n        - Name: data\n          EFSVolumeConfiguration:\n            FilesystemId: fs-1\n`.replace(/\n/g, '\r\n');
    assert.equal(fixed(crlf, 'efs-transit-encryption', 'Set TransitEncryption'), `${crlf}            TransitEncryption: ENABLED\r\n`);
  });
});

describe('YAML writer: values and removals', () => {
  it('a block scalar replaced by a plain value keeps the line break after it', () => {
    const text = `${HEAD}      NetworkMode: >-\n        bridge\n      RequiresCompatibilities: [FARGATE]\n      Cpu: "256"\n      Memory: "512"\n`;
    const after = fixed(text, 'fargate-network-mode', 'Set NetworkMode');
    assert.equal(after, text.replace('>-\n        bridge\n', 'awsvpc\n'));
  });

  it('a comment after a removed key stays, on its own line at the key’s indentation', () => {
    const text = `${HEAD}      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: # was 512\n          Cpu: 256\n`;
    assert.equal(fixed(text, 'null-value', "Remove 'Memory'"), text.replace('          Memory: # was 512\n', '          # was 512\n'));
  });

  it('a comment after a removed first key of a list item stays beside the dash', () => {
    const text = `${HEAD}      ContainerDefinitions:\n        - Memory: # was 512\n          Name: web\n          Image: nginx:1.27\n`;
    assert.equal(fixed(text, 'null-value', "Remove 'Memory'"), text.replace('- Memory: # was 512', '- # was 512'));
  });

  it('mappings with explicit `? key`s are left alone: no fix inserts into or removes from them', () => {
    const text = `${HEAD}      ContainerDefinitions:\n        - ? Name: web\n          Image: nginx:1.27\n          Memory: 512\n`;
    assert.deepEqual(fixTitles(text, 'readonly-root-filesystem'), []);
    const nested = `${HEAD}      ContainerDefinitions:\n        - Name: web\n          Image: nginx:1.27\n          Memory: 512\n          Command:\n            ? - --broker\n            - mqtt:1883\n`;
    assert.deepEqual(fixTitles(nested, 'readonly-root-filesystem'), []);
  });
});
