/**
 * Completion in a service definition or a CodeDeploy appspec, from the service schema. A service definition is
 * JSON with the schema's own keys: the task definition's completion (completeAt) with the service schema's paths.
 * An appspec (YAML, or JSON) spells the few service properties it takes in PascalCase under
 * `Resources[].TargetService.Properties`: keys and enum values there come from the same schema candidates, shown
 * in its spelling; its own keys (version, Resources, Hooks, the hook names) from facts/appspec.ts.
 */
import { findNodeAtLocation, getLocation, type JSONPath, parseTree } from 'jsonc-parser';
import { classify } from '../documents/classify';
import { APPSPEC_HOOKS, APPSPEC_RESOURCE, APPSPEC_TARGET, APPSPEC_TOP, type AppspecKey, LOAD_BALANCER_INFO_DOC } from '../facts/appspec';
import { appspecKeyAt } from '../hover/deploy-file-hover';
import { descriptionOf, resolve, schemaAt, typeLabel } from '../hover/schema-nav';
import { APPSPEC_PROPERTIES, appspecName, appspecPath, isAppspecProperties, LOAD_BALANCER_INFO, servicePath } from '../hover/service-paths';
import { parseDocument } from '../syntax/parse';
import { entries } from '../syntax/tree';
import { type CompletionEntry, completeAt, type KeyCandidate, schemaKeyCandidates } from './index';
import { yamlValue } from './template-completion';
import { valueCandidates } from './values';
import { type YamlPlace, yamlPlaceAt } from './yaml-path';

export function completeInServiceFile(text: string, offset: number): CompletionEntry[] {
  const parsed = parseDocument(text);
  return completeAt({ parsed, doc: classify(parsed), paths: servicePath }, offset);
}

/** `yaml`: appspec.yml/yaml (else appspec.json). */
export function completeInAppspec(text: string, offset: number, yaml: boolean): CompletionEntry[] {
  const place = yaml ? yamlPlaceAt(text, offset) : jsonPlaceAt(text, offset);
  if (!place) return [];
  if (place.key !== undefined) return appspecValues(place, yaml);
  return appspecKeys(place.objPath)
    .filter((c) => !place.present.has(c.key))
    .map((c) => {
      const insertText = yaml ? `${c.key}: ` : `${JSON.stringify(c.key)}: `;
      return { label: c.key, kind: 'property' as const, insertText, range: place.range, filterText: yaml ? c.key : JSON.stringify(c.key), detail: c.detail, documentation: c.documentation };
    });
}

/** The keys the object at `objPath` of an appspec may hold, in the appspec's spelling. */
function appspecKeys(objPath: JSONPath): KeyCandidate[] {
  const own = (list: readonly AppspecKey[]): KeyCandidate[] => list.map((k) => ({ key: k.key, detail: 'appspec', documentation: k.doc, valueSnippet: '' }));
  const [first, index] = objPath;
  if (objPath.length === 0) return own(APPSPEC_TOP);
  if (first === 'Resources' && typeof index === 'number' && objPath.length === 2) return own([APPSPEC_RESOURCE]);
  if (first === 'Resources' && typeof index === 'number' && objPath.length === 3) return own(APPSPEC_TARGET);
  if (first === 'Hooks' && typeof index === 'number' && objPath.length === 2) return own(APPSPEC_HOOKS);
  if (isAppspecProperties(objPath)) {
    return Object.keys(APPSPEC_PROPERTIES).map((key) => {
      if (key === 'LoadBalancerInfo') return { key, detail: 'object', documentation: LOAD_BALANCER_INFO_DOC, valueSnippet: '' };
      const s = resolve(schemaAt(appspecPath([...objPath, key])!));
      return { key, detail: s ? typeLabel(s) : '', documentation: s && descriptionOf(s), valueSnippet: '' };
    });
  }
  const rel = appspecPath(objPath);
  if (!rel) return [];
  const candidates = schemaKeyCandidates(rel);
  const allowed = objPath[objPath.length - 1] === 'LoadBalancerInfo' ? new Set(Object.values(LOAD_BALANCER_INFO)) : undefined;
  return candidates.filter((c) => !allowed || allowed.has(c.key)).map((c) => ({ ...c, key: appspecName(c.key) }));
}

function appspecValues(place: YamlPlace, yaml: boolean): CompletionEntry[] {
  const path = [...place.objPath, place.key!];
  const space = place.afterColon ? ' ' : '';
  const fixed = appspecKeyAt(path)?.value;
  if (fixed !== undefined) return [{ label: fixed, kind: 'value', insertText: space + (yaml ? fixed : JSON.stringify(fixed)), range: place.range, filterText: fixed }];
  const rel = appspecPath(path);
  if (!rel) return [];
  return valueCandidates(undefined, rel).map((c) => {
    const written = yaml ? yamlValue(c.value) : typeof c.value === 'string' ? JSON.stringify(c.value) : String(c.value);
    return { label: String(c.value), kind: c.kind, insertText: space + written, range: place.range, filterText: String(c.value), detail: c.detail, documentation: c.documentation };
  });
}

/** The same place in an appspec.json, from jsonc-parser's location. */
function jsonPlaceAt(text: string, offset: number): YamlPlace | undefined {
  const loc = getLocation(text, offset);
  const prev = loc.previousNode;
  const onScalar = prev && prev.type !== 'object' && prev.type !== 'array' && prev.offset <= offset && offset <= prev.offset + prev.length;
  const range = onScalar ? { offset: prev.offset, length: prev.length } : { offset, length: 0 };
  const root = parseTree(text);
  const keysOf = (objPath: JSONPath) => {
    const obj = root && (objPath.length ? findNodeAtLocation(root, objPath) : root);
    return new Set(entries(obj).filter(([, k]) => !(k.offset <= offset && offset <= k.offset + k.length)).map(([key]) => key));
  };
  if (loc.isAtPropertyKey) {
    const objPath = loc.path.slice(0, -1);
    return { objPath, present: keysOf(objPath), range, afterColon: false };
  }
  const key = loc.path[loc.path.length - 1];
  if (typeof key !== 'string') return undefined;
  const objPath = loc.path.slice(0, -1);
  return { objPath, key, present: keysOf(objPath), range, afterColon: range.length === 0 && text[offset - 1] === ':' };
}
