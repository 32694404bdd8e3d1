/**
 * "ECS: New Task Definition…": launch type, then (Fargate) platform and size, then a new untitled JSON
 * document. The text comes from templates/new-task-definition.ts. A NewTaskChoice argument skips the picks.
 */
import { commands, QuickPickItemKind, type QuickPickItem, window, workspace } from 'vscode';
import type { ClientFeature } from '../features';
import {
  FARGATE_PLATFORM_OPTIONS,
  LAUNCH_TYPE_OPTIONS,
  fargateSizeGroups,
  newTaskDefinition,
  type NewTaskChoice,
  type NewTaskPlatform,
  type Option,
} from '../templates/new-task-definition';
import { COMMANDS } from './catalog';

export const registerNewTaskDefinition: ClientFeature = (context) => {
  context.subscriptions.push(commands.registerCommand(COMMANDS.newTaskDefinition.id, run));
};

async function run(preset?: NewTaskChoice): Promise<void> {
  const choice = isChoice(preset) ? preset : await ask();
  if (!choice) return;
  let content: string;
  try {
    content = newTaskDefinition(choice);
  } catch (e) {
    void window.showErrorMessage((e as Error).message);
    return;
  }
  const doc = await workspace.openTextDocument({ language: 'json', content });
  await window.showTextDocument(doc);
}

async function ask(): Promise<NewTaskChoice | undefined> {
  const title = 'New ECS task definition';
  const launchType = await pickOption(LAUNCH_TYPE_OPTIONS, `${title}: launch type`);
  if (!launchType) return undefined;
  if (launchType !== 'FARGATE') return { launchType };
  const platform = await pickOption(FARGATE_PLATFORM_OPTIONS, `${title}: platform`);
  if (!platform) return undefined;
  const size = await pickSize(platform, `${title}: task size`);
  return size && { launchType, platform, ...size };
}

async function pickOption<T>(options: readonly Option<T>[], title: string): Promise<T | undefined> {
  const items = options.map((o) => ({ label: o.label, detail: o.detail, value: o.value }));
  return (await window.showQuickPick(items, { title, ignoreFocusOut: true }))?.value;
}

type SizeItem = QuickPickItem & { cpu?: number; memory?: number };

async function pickSize(platform: NewTaskPlatform, title: string): Promise<{ cpu: number; memory: number } | undefined> {
  const items: SizeItem[] = [];
  for (const group of fargateSizeGroups(platform)) {
    items.push({ label: group.label, kind: QuickPickItemKind.Separator });
    for (const s of group.sizes) items.push({ label: s.label, description: s.description, detail: s.detail, cpu: s.cpu, memory: s.memory });
  }
  const picked = await window.showQuickPick(items, { title, matchOnDescription: true, ignoreFocusOut: true, placeHolder: 'Type to filter, e.g. "2 vCPU" or "4 GB"' });
  return picked?.cpu !== undefined && picked.memory !== undefined ? { cpu: picked.cpu, memory: picked.memory } : undefined;
}

function isChoice(v: unknown): v is NewTaskChoice {
  return !!v && typeof v === 'object' && LAUNCH_TYPE_OPTIONS.some((o) => o.value === (v as NewTaskChoice).launchType);
}
