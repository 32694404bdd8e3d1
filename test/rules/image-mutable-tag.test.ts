import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageTag } from '../../server/src/core/rules/image-mutable-tag';
import { expectRanges, only } from '../helpers/rule-fix';

const ID = 'image-mutable-tag';
const one = (image: string, extra = '') => `[ { "name": "api", "image": ${JSON.stringify(image)}${extra} } ]`;

describe(ID, () => {
  it('warns on the image value, naming the tag, without a fix', () => {
    const [d] = expectRanges('[ { "name": "api", "image": ⟦"123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:latest"⟧ } ]', ID);
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /^'123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/api:latest' uses a moving tag \(latest\);/);
    assert.match(d.message, /Pin a version tag or an @sha256 digest\.$/);
    assert.equal(d.diagnostic.fixes, undefined);
  });

  it('untagged images, registry ports, versionConsistency disabled', () => {
    assert.match(only(one('nginx'), ID)[0].message, /\(no tag → latest\)/);
    assert.equal(only(one('localhost:5000/team/app'), ID).length, 1);
    assert.equal(only(one('localhost:5000/team/app:1.2'), ID).length, 0);
    assert.match(only(one('nginx:latest', ', "versionConsistency": "disabled"'), ID)[0].message, /versionConsistency is disabled/);
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
    assert.equal(only(one('${ECR_REPO}:latest'), ID).length, 1, 'a literal latest after a templated repository still moves');
  });

  it('the mutable list is configurable', () => {
    assert.equal(only(one('app:stable'), ID, { mutableTags: ['latest', 'stable'] }).length, 1);
    assert.equal(only(one('app:latest'), ID, { mutableTags: ['main'] }).length, 0);
  });

  it('imageTag parses tags, registries and digests', () => {
    assert.equal(imageTag('nginx'), null);
    assert.equal(imageTag('nginx:1.27'), '1.27');
    assert.equal(imageTag('registry:5000/nginx'), null);
    assert.equal(imageTag('a/b@sha256:abc'), undefined);
    assert.equal(imageTag('repo:${TAG}'), undefined);
  });
});
