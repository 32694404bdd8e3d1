import { containerLabel } from '../container-facts';
import { replacePlaceholders } from '../placeholders';
import { child, str } from '../tree';
import { defineRule } from './rule';

const DEFAULT_MUTABLE_TAGS = ['latest'];
const HOLE = '\u0001';

/** The tag of an image reference: a string, null for "no tag", undefined when pinned or not knowable. */
export function imageTag(image: string): string | null | undefined {
  const s = replacePlaceholders(image.trim(), HOLE);
  if (s === '' || s.includes('@')) return undefined; // digest-pinned (or a templated digest)
  const last = s.slice(s.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  if (colon < 0) return last.includes(HOLE) ? undefined : null; // a templated name may carry the tag
  const tag = last.slice(colon + 1);
  return tag.includes(HOLE) ? undefined : tag;
}

export default defineRule({
  id: 'image-mutable-tag',
  severity: 'warning',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'health',
  summary: 'Image without a tag, or with a moving tag such as :latest',
  docs: `An image reference without a tag means \`:latest\`, and \`:latest\` (like any tag you keep re-pushing)
points at whatever was pushed last. Two tasks started from the same task definition revision a day apart can
run different code, a rollback to an older revision does not bring the old code back, and nothing in the task
definition records which build is running.

By default ECS resolves the tag to a digest when a deployment starts (\`versionConsistency\` enabled), so the
tasks of one deployment agree — but the next scale-out or deployment may pick up a newer image. With
\`versionConsistency: "disabled"\` even that is lost.

Pin a version tag that you never overwrite (\`app:2024.11.3\`, a Git SHA) or a digest (\`app@sha256:…\`).
Template placeholders in the tag (\`app:\${TAG}\`, \`{{ env "TAG" }}\`) count as pinned by your pipeline. The
list of moving tags is the setting \`ecsTaskdef.mutableTags\` (default \`["latest"]\`).`,
  fixDocs: 'None: only you know which version to pin.',
  examples: {
    bad: '{ "name": "api", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:latest" }',
    good: '{ "name": "api", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2024.11.3" }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html',
  ],
  check(ctx) {
    const mutable = ctx.options.mutableTags ?? DEFAULT_MUTABLE_TAGS;
    for (const container of ctx.doc.containers) {
      const node = child(container, 'image');
      const image = str(node);
      if (!image || ctx.isPlaceholder(node)) continue;
      const tag = imageTag(image);
      if (tag === undefined || (tag !== null && !mutable.includes(tag))) continue;
      const pinning = str(child(container, 'versionConsistency')) === 'disabled' ? " versionConsistency is disabled, so ECS won't even pin the digest within a deployment." : '';
      ctx.report({
        node,
        message: `'${image}' uses a moving tag (${tag === null ? 'no tag → latest' : tag}); each deployment of '${containerLabel(container)}' may run different bits, and this task definition can't tell you which. Pin a version tag or an @sha256 digest.${pinning}`,
        dedupeKey: `image-mutable-tag@${node!.offset}`,
      });
    }
  },
});
