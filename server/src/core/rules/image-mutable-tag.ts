import { isBareWordPlaceholder, type PlaceholderPatterns, replacePlaceholders } from '../syntax/placeholders';
import { child, str } from '../syntax/tree';
import { defineRule } from './rule';

const DEFAULT_MUTABLE_TAGS = ['latest'];
const HOLE = '\u0001';

/** The tag of an image reference: a string, null for "no tag", undefined when pinned or not knowable. */
export function imageTag(image: string, patterns: PlaceholderPatterns): string | null | undefined {
  const s = replacePlaceholders(image.trim(), patterns, HOLE);
  if (s === '' || s.includes('@')) return undefined; // digest-pinned (or a templated digest)
  const slash = s.lastIndexOf('/') + 1;
  const last = s.slice(slash);
  const colon = last.lastIndexOf(':');
  if (colon < 0) return last.includes(HOLE) ? undefined : null; // a templated name may carry the tag
  const tag = last.slice(colon + 1);
  return tag.includes(HOLE) ? undefined : tag;
}

/**
 * True when the part before the tag is a template, not a real image: a placeholder anywhere in the registry or
 * repository (`<IMAGE>`, `${ECR_REPO}`), or a placeholder word as one of its parts (`REPLACE_WITH_IMAGE_URL`,
 * `ACCOUNT_ID.dkr.ecr.REGION.amazonaws.com/app`). A deploy step replaces such an image, tag included.
 */
export function isTemplateImage(image: string, patterns: PlaceholderPatterns): boolean {
  const s = image.trim();
  const slash = s.lastIndexOf('/') + 1;
  const colon = s.indexOf(':', slash);
  const name = colon < 0 ? s : s.slice(0, colon);
  if (replacePlaceholders(name, patterns, HOLE).includes(HOLE)) return true;
  return name.split(/[/.:]/).some((part) => part !== '' && isBareWordPlaceholder(part));
}

export default defineRule({
  id: 'image-mutable-tag',
  severity: 'information',
  subCases: ['warning: versionConsistency is "disabled" on that container'],
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
list of moving tags is the setting \`ecsTaskdef.mutableTags\` (default \`["latest"]\`).

**Why information, not a warning.** Most task definition files kept in a repository are templates: the deploy
workflow (amazon-ecs-render-task-definition, ecspresso, Copilot, a sed step) writes the image of the build into
them before registering, so the \`:latest\` in the file never reaches ECS. Images whose registry or repository is
itself a placeholder (\`<IMAGE>:latest\`, \`REPLACE_WITH_IMAGE_URL:latest\`,
\`ACCOUNT_ID.dkr.ecr.REGION.amazonaws.com/app:latest\`) are not reported at all. It is a warning when the
container sets \`versionConsistency: "disabled"\`: then even the tasks of one deployment may run different
images. Change the severity with the \`rules\` setting as usual (\`"image-mutable-tag": "warning"\` if you
register these files as they are).`,
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
      if (!image || ctx.isPlaceholder(node) || isTemplateImage(image, ctx.parsed.placeholders)) continue;
      const tag = imageTag(image, ctx.parsed.placeholders);
      if (tag === undefined || (tag !== null && !mutable.includes(tag))) continue;
      const unpinned = child(container, 'versionConsistency');
      const disabled = str(unpinned) === 'disabled';
      ctx.report({
        node,
        message:
          tag === null
            ? `'${image}' has no tag, so it means :latest; pin a version tag or an @sha256 digest.`
            : `'${image}' uses the moving tag '${tag}'; pin a version tag or an @sha256 digest.`,
        severity: disabled ? 'warning' : undefined,
        related: disabled ? [{ node: unpinned, message: "versionConsistency is disabled: even one deployment's tasks may run different images." }] : undefined,
        dedupeKey: `image-mutable-tag@${node!.offset}`,
      });
    }
  },
});
