// Shapes of the hand-written overlay that the generator merges into the SDK structure.

/** Constraints on one string or integer value (a property, or the items of an array property). */
export interface ValueRules {
  /** Replaces the allowed values (only for fields the SDK models as plain strings). */
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** Human name of what `pattern` describes; required whenever `pattern` is set. */
  formatName?: string;
}

export interface PropOverlay extends ValueRules {
  /** What the field does, in markdown; the plain `description` is derived from it. */
  md: string;
  required?: boolean;
  /** Strings only: `""` is a meaningful value here, so no `minLength: 1`. */
  allowEmpty?: boolean;
  minItems?: number;
  maxItems?: number;
  /** Constraints on array items. */
  items?: ValueRules;
  /** Short note on how the field differs by launch type (RULES.md table 2c). */
  launch?: string;
  /** Emit the referenced SDK structure under this definition name (its own overlay entry). */
  definition?: string;
  /** Any JSON value (the SDK's free-form document type): no type check. */
  anyValue?: boolean;
}

export interface DefinitionOverlay {
  /** One-line summary of the structure, used as the definition's description. */
  about: string;
  /** SDK structure this definition is built from, when its name differs (variants). */
  from?: string;
  /** A second SDK structure whose fields (those the first lacks) are accepted too (UpdateService's `service`). */
  alsoFrom?: string;
  props: Record<string, PropOverlay>;
  /** Extra JSON Schema keywords for the object (anyOf/oneOf/minProperties…). */
  extra?: Record<string, unknown>;
}

export type Overlay = Record<string, DefinitionOverlay>;

/** Names of tasks, containers and volumes (RULES.md table 2d). */
export const NAME_PATTERN = '^[A-Za-z0-9_-]{1,255}$';
