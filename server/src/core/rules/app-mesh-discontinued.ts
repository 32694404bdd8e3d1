import { hasValue } from '../documents/container-facts';
import { child, keyOf } from '../syntax/tree';
import { defineRule } from './rule';

export default defineRule({
  id: 'app-mesh-discontinued',
  severity: 'warning',
  kinds: ['R', 'D'],
  launch: 'any',
  category: 'containers',
  summary: 'App Mesh proxy configuration (App Mesh is discontinued)',
  docs: `\`proxyConfiguration\` exists for one purpose: wiring the task into AWS App Mesh (its only type is
\`APPMESH\`). AWS stopped onboarding new App Mesh customers on 24 September 2024 and discontinued the service on
30 September 2026, so the Envoy sidecar this configuration routes traffic through no longer has a control plane
to get its routes from.

For ECS, the replacement is ECS Service Connect: it is configured on the service, and the task definition only
gives each port mapping a \`name\` (and optionally an \`appProtocol\`). Remove \`proxyConfiguration\` and the Envoy
container once the service uses Service Connect.`,
  fixDocs: 'None: moving to Service Connect changes the service, not just this file.',
  examples: {
    bad: '{ "proxyConfiguration": { "type": "APPMESH", "containerName": "envoy", "properties": [ { "name": "AppPorts", "value": "8080" } ] } }',
    good: '{ "containerDefinitions": [ { "name": "app", "image": "app:1.0", "portMappings": [ { "name": "http", "containerPort": 8080, "appProtocol": "http" } ] } ] }',
  },
  sources: [
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ProxyConfiguration.html',
    'https://sysdesign-wiki.pages.dev/sources/2025-01-18-aws-app-mesh-discontinuation-service-connect-migration/ (summary of the AWS containers blog announcement)',
  ],
  check(ctx) {
    const proxy = child(ctx.doc.task, 'proxyConfiguration');
    if (!hasValue(proxy)) return;
    ctx.report({
      node: keyOf(proxy),
      message: 'This proxy configuration serves AWS App Mesh, discontinued on 30 September 2026; move to ECS Service Connect.',
      dedupeKey: `app-mesh-discontinued@${proxy!.offset}`,
    });
  },
});
