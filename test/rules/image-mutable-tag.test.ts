import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageTag, isTemplateImage } from '../../server/src/core/rules/image-mutable-tag';
import { expectRanges, only } from '../helpers/rule-fix';
import { NO_PLACEHOLDER_PATTERNS } from '../../server/src/core/syntax/placeholders';

const ID = 'image-mutable-tag';
const one = (image: string, extra = '') => `[ { "name": "api", "image": ${JSON.stringify(image)}${extra} } ]`;

describe(ID, () => {
  it('is information on the image value, naming the tag, without a fix', () => {
    const [d] = expectRanges('[ { "name": "api", "image": ⟦"123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:latest"⟧ } ]', ID);
    assert.equal(d.severity, 'information');
    assert.equal(d.message, "'123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:latest' uses the moving tag 'latest'; pin a version tag or an @sha256 digest.");
    assert.equal(d.diagnostic.fixes, undefined);
  });

  it('untagged images, registry ports; versionConsistency disabled makes it a warning', () => {
    assert.match(only(one('nginx'), ID)[0].message, /^'nginx' has no tag, so it means :latest/);
    assert.equal(only(one('localhost:5000/team/app'), ID).length, 1);
    assert.equal(only(one('localhost:5000/team/app:1.2'), ID).length, 0);
    const [d] = only(one('nginx:latest', ', "versionConsistency": "disabled"'), ID);
    assert.equal(d.severity, 'warning');
    assert.match(d.diagnostic.related![0].message, /versionConsistency is disabled/);
    assert.equal(only(one('nginx:latest'), ID, { rules: { [ID]: 'warning' } })[0].severity, 'warning', 'configurable as before');
  });

  it('digests and placeholder tags count as pinned', () => {
    for (const image of [
      'nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
      'app:${TAG}',
      'katsubushi/katsubushi:{{ env `TAG` `latest` }}',
      '{{ env "IMAGE" }}',
      '${REGISTRY}/${IMAGE_NAME}',
      '<IMAGE1_NAME>',
      '',
    ]) {
      assert.equal(only(one(image), ID).length, 0, image);
    }
  });

  it('a templated registry or repository is not a real image: the deploy step replaces it, tag included', () => {
    for (const image of ['${ECR_REPO}:latest', 'REPLACE_WITH_IMAGE_URL:latest', '<IMAGE>:latest', 'ACCOUNT_ID.dkr.ecr.REGION.amazonaws.com/app:latest', '${REGISTRY}/app', 'YOUR_IMAGE']) {
      assert.equal(only(one(image), ID).length, 0, image);
    }
    assert.ok(!isTemplateImage('nginx:latest', NO_PLACEHOLDER_PATTERNS));
    assert.ok(!isTemplateImage('public.ecr.aws/nginx/nginx:latest', NO_PLACEHOLDER_PATTERNS));
    assert.ok(!isTemplateImage('localhost:5000/team/app', NO_PLACEHOLDER_PATTERNS));
    assert.ok(isTemplateImage('IMAGE', NO_PLACEHOLDER_PATTERNS));
  });

  it('the mutable list is configurable', () => {
    assert.equal(only(one('app:stable'), ID, { mutableTags: ['latest', 'stable'] }).length, 1);
    assert.equal(only(one('app:latest'), ID, { mutableTags: ['main'] }).length, 0);
  });

  it('imageTag parses tags, registries and digests', () => {
    assert.equal(imageTag('nginx', NO_PLACEHOLDER_PATTERNS), null);
    assert.equal(imageTag('nginx:1.27', NO_PLACEHOLDER_PATTERNS), '1.27');
    assert.equal(imageTag('registry:5000/nginx', NO_PLACEHOLDER_PATTERNS), null);
    assert.equal(imageTag('a/b@sha256:abc', NO_PLACEHOLDER_PATTERNS), undefined);
    assert.equal(imageTag('repo:${TAG}', NO_PLACEHOLDER_PATTERNS), undefined);
  });
});
