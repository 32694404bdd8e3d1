import { replaceNodeEdit } from '../fixes/edits';
import { formatFindings } from '../documents/format-checks';
import { defineRule } from './rule';

/**
 * Two halves: the schema validator reports the `pattern`s of the generated schema (names, cpu/memory, EFS ids…,
 * server/src/core/schema/translate.ts), and `check` covers the shapes a regex expresses badly (format-checks.ts).
 */
export default defineRule({
  id: 'invalid-format',
  severity: 'error',
  kinds: ['R', 'D', 'A'],
  launch: 'any',
  category: 'document',
  fromSchema: true,
  summary: "Names, image references, task sizes, ids and other strings with the wrong shape",
  subCases: ["warning: uppercase letters in an image repository (Docker refuses to pull it)"],
  docs: `A string does not have the shape ECS expects: family, container and volume names may only use letters,
digits, \`-\` and \`_\` (up to 255); port-mapping names are lowercase; task \`cpu\`/\`memory\` must be a number of
units/MiB or a "1 vCPU" / "2 GB" string; EFS ids look like \`fs-0123abcd\`, and so on.

Other shapes checked here:
- \`image\`: \`[registry[:port]/]repository[:tag][@sha256:<64 hex digits>]\`, at most 255 characters before \`@\`,
  only letters, digits and \`- _ . : / #\`. Uppercase letters in the repository path are a **warning**: ECS
  stores them, but Docker refuses to pull a repository name that is not lowercase.
- \`user\`: \`name\`, \`uid\`, \`name:group\`, \`uid:gid\`, \`uid:group\` or \`name:gid\`, ids non-negative.
- \`environmentFiles[].value\`: an S3 object ARN whose key ends in \`.env\`.
- awslogs \`awslogs-region\`: a Region code such as \`eu-west-1\`.
- \`dockerSecurityOptions\`: \`no-new-privileges\`, \`apparmor:<profile>\`, \`label:<value>\`, \`credentialspec:<file or ARN>\`.
- \`credentialSpecs\`: \`credentialspec:<ARN>\` or \`credentialspecdomainless:<ARN>\` of an S3 object or SSM parameter.
- tag keys and values must not start with \`aws:\` (any case): AWS reserves that prefix.
- \`extraHosts[].ipAddress\`: an IPv4 or IPv6 address, not a host name.

Template placeholders are skipped; in a partly templated value only the literal parts are checked.`,
  fixDocs: 'Image repository with uppercase letters: "Lowercase the repository". No fix for ARNs or digests.',
  examples: {
    bad: "{ \"family\": \"my app\", \"containerDefinitions\": [ { \"name\": \"web\", \"image\": \"Registry.example.com/MyApp:1.0\" } ] }",
    good: "{ \"family\": \"my-app\", \"containerDefinitions\": [ { \"name\": \"web\", \"image\": \"registry.example.com/myapp:1.0\" } ] }",
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/taskdef-envfiles.html',
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html',
  ],
  check(ctx) {
    for (const f of formatFindings(ctx.doc, ctx.parsed.root, (n) => ctx.isPlaceholder(n), ctx.parsed.placeholders)) {
      const value = String(f.node.value);
      ctx.report({
        node: f.node,
        severity: f.severity,
        message: `'${value}' is not a valid ${f.what}: ${f.reason}.`,
        fixes: f.fix ? [{ title: f.fix.title, preferred: true, edits: [replaceNodeEdit(f.node, f.fix.value)] }] : undefined,
      });
    }
  },
});
