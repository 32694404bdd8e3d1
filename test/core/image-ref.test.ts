import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageProblems, parseImageRef } from '../../server/src/core/documents/image-ref';
import { NO_PLACEHOLDER_PATTERNS } from '../../server/src/core/syntax/placeholders';

const parts = (image: string) => {
  const r = parseImageRef(image, NO_PLACEHOLDER_PATTERNS);
  return { registry: r.registry?.text, repository: r.repository.text, tag: r.tag?.text, digest: r.digest?.text };
};
const first = (image: string) => imageProblems(image, NO_PLACEHOLDER_PATTERNS)[0];

describe('image-ref', () => {
  it('splits registry, repository, tag and digest', () => {
    assert.deepEqual(parts('nginx'), { registry: undefined, repository: 'nginx', tag: undefined, digest: undefined });
    assert.deepEqual(parts('library/nginx:1.27'), { registry: undefined, repository: 'library/nginx', tag: '1.27', digest: undefined });
    assert.deepEqual(parts('localhost:5000/app'), { registry: 'localhost:5000', repository: 'app', tag: undefined, digest: undefined });
    assert.deepEqual(parts('123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:v1@sha256:' + 'a'.repeat(64)), {
      registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', repository: 'team/app', tag: 'v1', digest: 'sha256:' + 'a'.repeat(64),
    });
    assert.deepEqual(parts('${REGISTRY}/app:${TAG}'), { registry: undefined, repository: '${REGISTRY}/app', tag: '${TAG}', digest: undefined });
  });

  it('a URL scheme is named as the mistake (not as a registry port), with a fix only when the rest is a valid reference', () => {
    const p = first('https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4');
    assert.equal(p.severity, 'error');
    assert.equal(p.reason, "an image reference has no URL scheme; drop 'https://'");
    assert.deepEqual(p.fix, { title: "Drop 'https://'", value: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4' });
    assert.match(first('http://localhost:5000/app').reason, /no URL scheme; drop 'http:\/\/'/);
    assert.equal(first('https://').fix, undefined, 'nothing left to keep');
    assert.equal(first('https://reg.example.com/My App:1').fix, undefined, 'the rest is not valid either: no fix');
    assert.ok(!imageProblems('docker.io/library/nginx:1.27', NO_PLACEHOLDER_PATTERNS).some((x) => /scheme/.test(x.reason)));
  });

  it('accepts real-world references and templates', () => {
    for (const ok of [
      'nginx', 'nginx:latest', 'amazon/aws-for-fluent-bit:stable', 'public.ecr.aws/nginx/nginx:1.27', 'docker.elastic.co/kibana/kibana:6.0.0',
      '127.0.0.1:51670/amazon/firelens-fluentbit:latest', 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022',
      'ACCOUNT_ID.dkr.ecr.REGION.amazonaws.com/app:latest', '{{ must_env `AWS_ACCOUNT_ID` }}.dkr.ecr.{{ must_env `AWS_REGION` }}.amazonaws.com/app:{{ must_env `TAG` }}',
      '[Your Private Repo]/bigip-ecs-ctlr:latest', '$ECR_REPO:latest', 'my__repo/a.b-c:1_0', 'image:tag', 'a'.repeat(255),
    ]) {
      assert.deepEqual(imageProblems(ok, NO_PLACEHOLDER_PATTERNS), [], ok);
    }
  });

  it('errors', () => {
    assert.match(first('my image:1')!.reason, /whitespace/);
    assert.match(first('a'.repeat(256))!.reason, /255 characters before '@', this has 256/);
    assert.match(first('app!:1')!.reason, /'!' is not allowed/);
    assert.match(first('registry.example.com/')!.reason, /repository name is missing/);
    assert.match(first('team//app')!.reason, /empty path segment/);
    assert.match(first('-app:1')!.reason, /not a valid repository path segment/);
    assert.match(first('app:')!.reason, /tag after ':' is empty/);
    assert.match(first('app:.hidden')!.reason, /the tag '\.hidden' must start/);
    assert.match(first('app@md5:abc')!.reason, /algorithm 'md5' is not supported/);
    assert.match(first('app@sha256:' + 'a'.repeat(63))!.reason, /63 hex digits instead of 64/);
    assert.match(first('app@' + 'a'.repeat(64))!.reason, /must be sha256:<64 hex digits>/);
    assert.match(first('bad_host.example.com/app')!.reason, /not a valid registry host name/);
    assert.match(first('localhost:http/app')!.reason, /port 'http' is not a number/);
    assert.ok(imageProblems('app:1', NO_PLACEHOLDER_PATTERNS).every((p) => p.severity === 'error'));
  });

  it('uppercase repository: a warning whose fix lowercases only the literal repository path', () => {
    const [w] = imageProblems('Host.Example.com/Team/${APP}/MyApp:Tag', NO_PLACEHOLDER_PATTERNS);
    assert.equal(w.severity, 'warning');
    assert.equal(w.fix?.value, 'Host.Example.com/team/${APP}/myapp:Tag');
    assert.deepEqual(imageProblems('ACCOUNT.dkr.ecr.eu-west-1.amazonaws.com/APP_NAME:1', NO_PLACEHOLDER_PATTERNS), [], 'all-caps path segments are placeholders');
  });
});
