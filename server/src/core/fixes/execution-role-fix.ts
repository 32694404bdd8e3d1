/**
 * Fixes that make the ECS agent act for the task (switching to awslogs, moving a value to secrets) also add
 * executionRoleArn when it is missing, so they do not trade their error for execution-role-required.
 */
import { findNodeAtLocation } from 'jsonc-parser';
import type { Classification } from '../documents/classify';
import { roleArnTemplate } from '../documents/doc-identity';
import { executionRoleMissing } from '../documents/execution-role-triggers';
import { type EditStep, setPropertyEdits } from './layout-edits';
import type { ParsedDocument } from '../syntax/parse';
import { pathOf } from '../syntax/tree';
import type { TextEdit } from '../types';

const TITLE_NOTE = ' (and add executionRoleArn, role name assumed: ecsTaskExecutionRole)';

/** The edits adding executionRoleArn to the task, or none when it is set (or there is no task object). */
export function addExecutionRoleEdits(text: string, doc: Classification, parsed: ParsedDocument): TextEdit[] {
  return doc.task && executionRoleMissing(doc.task) ? setPropertyEdits(text, doc.task, 'executionRoleArn', roleArnTemplate(parsed.root, 'ecsTaskExecutionRole')) : [];
}

/** The same as a chain step (core/layout-edits chainEdits), for fixes built in steps. */
export function addExecutionRoleStep(doc: Classification, parsed: ParsedDocument): EditStep | undefined {
  if (!doc.task || !executionRoleMissing(doc.task)) return undefined;
  const path = pathOf(doc.task);
  const arn = roleArnTemplate(parsed.root, 'ecsTaskExecutionRole');
  return (text, root) => {
    const task = root && findNodeAtLocation(root, path);
    return task?.type === 'object' ? setPropertyEdits(text, task, 'executionRoleArn', arn) : [];
  };
}

/** The title with a note when the fix also adds the role. */
export function withRoleNote(title: string, adds: boolean): string {
  return adds ? title + TITLE_NOTE : title;
}
