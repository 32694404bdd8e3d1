/**
 * The code half of rule invalid-format (the schema's `pattern`s are the other half): walks a classified
 * document and yields every string whose shape a regex expresses badly — image references, `user`, S3
 * environment files, awslogs Regions, Docker security options, credential specs, reserved tag prefixes and
 * `extraHosts` addresses (RULES.md §4.1 invalid-format table).
 */
import type { Node } from 'jsonc-parser';
import type { Classification } from './classify';
import { imageProblems } from './image-ref';
import type { PlaceholderPatterns } from '../syntax/placeholders';
import { child, items, str } from '../syntax/tree';
import {
  credentialSpecProblem,
  dockerSecurityOptionProblem,
  environmentFileProblem,
  ipAddressProblem,
  regionCodeProblem,
  reservedTagProblem,
  userProblem,
} from './value-formats';

export interface FormatFinding {
  node: Node;
  /** What the value is, for "'{value}' is not a valid {what}: {reason}." */
  what: string;
  reason: string;
  severity?: 'warning';
  fix?: { title: string; value: string };
}

export function* formatFindings(
  doc: Classification,
  root: Node | undefined,
  isPlaceholder: (n: Node) => boolean,
  placeholders: PlaceholderPatterns,
): Generator<FormatFinding> {
  const literal = (n: Node | undefined): string | undefined => {
    const v = str(n);
    return n && v !== undefined && v.trim() !== '' && !isPlaceholder(n) ? v : undefined;
  };
  for (const c of doc.containers) {
    const image = child(c, 'image');
    const imageText = literal(image);
    if (imageText) {
      const [first] = imageProblems(imageText, placeholders);
      if (first) yield { node: image!, what: 'image reference', reason: first.reason, severity: first.severity === 'warning' ? 'warning' : undefined, fix: first.fix };
    }
    const user = child(c, 'user');
    const userText = literal(user);
    if (userText && doc.os !== 'windows') {
      const reason = userProblem(userText, placeholders);
      if (reason) yield { node: user!, what: 'user', reason };
    }
    for (const f of items(child(c, 'environmentFiles'))) {
      const type = str(child(f, 'type'));
      const value = child(f, 'value');
      const text = literal(value);
      const reason = text && (type === undefined || type === 's3') ? environmentFileProblem(text, placeholders) : undefined;
      if (reason) yield { node: value!, what: 'environment file', reason };
    }
    const log = child(c, 'logConfiguration');
    if (str(child(log, 'logDriver')) === 'awslogs') {
      const region = child(child(log, 'options'), 'awslogs-region');
      const text = literal(region);
      const reason = text ? regionCodeProblem(text) : undefined;
      if (reason) yield { node: region!, what: 'awslogs-region', reason };
    }
    for (const opt of items(child(c, 'dockerSecurityOptions'))) {
      const text = literal(opt);
      const reason = text ? dockerSecurityOptionProblem(text, placeholders) : undefined;
      if (reason) yield { node: opt, what: 'Docker security option', reason };
    }
    for (const spec of items(child(c, 'credentialSpecs'))) {
      const text = literal(spec);
      const reason = text ? credentialSpecProblem(text, placeholders) : undefined;
      if (reason) yield { node: spec, what: 'credential spec', reason };
    }
    for (const h of items(child(c, 'extraHosts'))) {
      const ip = child(h, 'ipAddress');
      const text = literal(ip);
      const reason = text ? ipAddressProblem(text) : undefined;
      if (reason) yield { node: ip!, what: 'IP address', reason };
    }
  }
  const tagLists = [child(doc.task, 'tags')];
  if (doc.wrapper && root) tagLists.push(child(root, 'tags'));
  for (const tag of tagLists.flatMap((l) => items(l))) {
    for (const part of ['key', 'value'] as const) {
      const n = child(tag, part);
      const text = literal(n);
      const reason = text ? reservedTagProblem(text, part) : undefined;
      if (reason) yield { node: n!, what: `tag ${part}`, reason };
    }
  }
}
