/**
 * The task's EFS volumes and what their transit encryption must be, shared by efs-volume-config (required by an
 * access point or IAM) and efs-transit-encryption (the hygiene hint for everything else).
 */
import type { Node } from 'jsonc-parser';
import type { Classification } from './classify';
import { objectChild } from './container-facts';
import { setPropertyEdits } from '../fixes/layout-edits';
import type { ParsedDocument } from '../syntax/parse';
import { volumeIndex } from './task-index';
import { anchorOf, child, str } from '../syntax/tree';
import type { Fix, OffsetRange } from '../types';

export interface EfsVolume {
  volume: Node;
  /** The volume's `efsVolumeConfiguration` object. */
  efs: Node;
  /** Its `transitEncryption` value node, if the key is there (null included). */
  tls?: Node;
}

/** The volumes that carry an `efsVolumeConfiguration` object. */
export function efsVolumes(doc: Classification, parsed: ParsedDocument): EfsVolume[] {
  const out: EfsVolume[] = [];
  for (const { node: volume } of volumeIndex(doc, parsed).entries) {
    const efs = objectChild(volume, 'efsVolumeConfiguration');
    if (!efs) continue;
    out.push({ volume, efs, tls: child(efs, 'transitEncryption') });
  }
  return out;
}

/** Where a transit-encryption finding points: the value when set, else the start of the EFS configuration. */
export function transitEncryptionTarget(v: EfsVolume): { node: Node } | { range: OffsetRange } {
  return v.tls && v.tls.type !== 'null' ? { node: v.tls } : { range: anchorOf(v.efs) };
}

/** The fix both EFS rules offer. */
export function enableTransitEncryptionFix(text: string, v: EfsVolume): Fix {
  return { title: 'Set transitEncryption to ENABLED', preferred: true, edits: setPropertyEdits(text, v.efs, 'transitEncryption', 'ENABLED') };
}

export interface EfsTlsNeed {
  /** What requires transit encryption: an access point, IAM authorization, or both. */
  reasons: Array<'access point' | 'IAM authorization'>;
  /** The nodes that set them. */
  nodes: Node[];
}

/**
 * Why an EFS volume must use transit encryption (an access point or `iam: "ENABLED"`), or undefined when
 * nothing requires it. A placeholder access point still counts: it is set, whatever it renders to.
 */
export function efsTlsNeed(efs: Node): EfsTlsNeed | undefined {
  const auth = objectChild(efs, 'authorizationConfig');
  const need: EfsTlsNeed = { reasons: [], nodes: [] };
  const ap = child(auth, 'accessPointId');
  if (str(ap)) {
    need.reasons.push('access point');
    need.nodes.push(ap!);
  }
  const iam = child(auth, 'iam');
  if (str(iam) === 'ENABLED') {
    need.reasons.push('IAM authorization');
    need.nodes.push(iam!);
  }
  return need.reasons.length > 0 ? need : undefined;
}
