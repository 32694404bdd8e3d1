// The whole hand-written overlay, keyed by definition name.
import { containerPartsOverlay } from './container-parts.ts';
import { containerOverlay } from './container.ts';
import { linuxOverlay } from './linux.ts';
import { serviceOverlay } from './service.ts';
import { taskOverlay } from './task.ts';
import type { Overlay } from './types.ts';
import { volumesOverlay } from './volumes.ts';

export type { DefinitionOverlay, Overlay, PropOverlay, ValueRules } from './types.ts';

export const overlay: Overlay = {
  ...taskOverlay,
  ...volumesOverlay,
  ...containerOverlay,
  ...containerPartsOverlay,
  ...linuxOverlay,
  ...serviceOverlay,
};
