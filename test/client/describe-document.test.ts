import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeDocumentInfo } from '../../client/src/status/describe-document';

describe('language status text', () => {
  it('names kind and launch type', () => {
    assert.equal(describeDocumentInfo({ linted: true, kind: 'register', launchType: 'FARGATE', templated: false })?.text, 'ECS task definition · FARGATE');
    assert.equal(describeDocumentInfo({ linted: true, kind: 'register', launchType: 'EC2,EXTERNAL' })?.text, 'ECS task definition · EC2,EXTERNAL');
  });

  it('says when the launch type is unknown and when the file is a template', () => {
    const s = describeDocumentInfo({ linted: true, kind: 'container-array', launchType: 'unknown', templated: true });
    assert.equal(s?.text, 'ECS container definitions · launch type unknown · template');
    assert.match(s!.detail, /launch-specific checks are off/);
    assert.match(s!.detail, /placeholders/);
  });

  it('offers the conversion for describe output only', () => {
    const describeOut = describeDocumentInfo({ linted: true, kind: 'describe', launchType: 'FARGATE' }, 'ecsTaskdef.convertDescribeOutput');
    assert.deepEqual(describeOut?.command, { id: 'ecsTaskdef.convertDescribeOutput', title: 'Convert to register input' });
    assert.equal(describeDocumentInfo({ linted: true, kind: 'register', launchType: 'FARGATE' }, 'x')?.command, undefined);
  });

  it('does not repeat a launch type for CloudFormation templates', () => {
    assert.equal(describeDocumentInfo({ linted: true, kind: 'cfn-template', launchType: 'unknown' })?.text, 'CloudFormation template');
  });

  it('hides the item when the document is not linted', () => {
    assert.equal(describeDocumentInfo(null), undefined);
    assert.equal(describeDocumentInfo({ linted: false }), undefined);
    assert.equal(describeDocumentInfo({ linted: true, kind: 'not-task-definition' }), undefined);
  });
});
