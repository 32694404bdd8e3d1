/** The extension's settings (`ecsTaskdef.*`), as the server sees them. */
import { placeholderPatternProblem } from '../core/syntax/placeholders';
import type { LaunchTypeName, SeveritySetting } from '../core/types';

export interface Settings {
  enable: boolean;
  /** Per-rule severity overrides or 'off'. */
  rules: Record<string, SeveritySetting>;
  /** Extra glob patterns of files to lint. */
  files: string[];
  /** Launch type by glob, for files that do not declare one (e.g. Terraform container arrays). */
  launchType: Record<string, LaunchTypeName>;
  /** Above this many characters only JSON syntax is checked. */
  maxFileSize: number;
  /** Extra placeholder regexes. */
  placeholderPatterns: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  rules: {},
  files: [],
  launchType: {},
  maxFileSize: 4 * 1024 * 1024,
  placeholderPatterns: [],
};

export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Settings>;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    rules: r.rules && typeof r.rules === 'object' ? { ...r.rules } : {},
    files: Array.isArray(r.files) ? r.files.filter((x): x is string => typeof x === 'string') : [],
    launchType: r.launchType && typeof r.launchType === 'object' ? { ...r.launchType } : {},
    maxFileSize: typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : DEFAULT_SETTINGS.maxFileSize,
    placeholderPatterns: Array.isArray(r.placeholderPatterns) ? r.placeholderPatterns.filter((x): x is string => typeof x === 'string') : [],
  };
}

/** Problems with `ecsTaskdef.placeholderPatterns` entries (invalid or unsafe ones are not used), one line each. */
export function placeholderSettingProblems(settings: Settings): string[] {
  return settings.placeholderPatterns.flatMap((source) => {
    const problem = placeholderPatternProblem(source);
    return problem ? [`Ignoring an entry of the ecsTaskdef.placeholderPatterns setting. ${problem}`] : [];
  });
}
