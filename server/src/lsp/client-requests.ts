/**
 * Requests behind the client's commands that need the core: the reference pages and the describe-output conversion.
 * They live in the server so that the clients (desktop and web) do not bundle the core; each answer is plain data.
 */
import { toRegisterInputEdit } from '../core/fixes/convert';
import {
  CONVERT_DESCRIBE_OUTPUT_REQUEST,
  type ConvertDescribeOutputParams,
  type ConvertDescribeOutputResult,
  REFERENCE_PAGE_REQUEST,
  type ReferencePageParams,
  type ReferencePageResult,
} from '../shared/protocol';
import { REFERENCE_PAGES } from './reference-pages';
import type { FeatureContext } from './server';

export function registerClientRequests(ctx: Pick<FeatureContext, 'connection'>): void {
  ctx.connection.onRequest(REFERENCE_PAGE_REQUEST, (params: ReferencePageParams) => referencePage(params));
  ctx.connection.onRequest(CONVERT_DESCRIBE_OUTPUT_REQUEST, (params: ConvertDescribeOutputParams) => convertDescribeOutput(params));
}

export function referencePage(params: ReferencePageParams | undefined): ReferencePageResult {
  const path = params?.path;
  if (typeof path !== 'string' || !Object.hasOwn(REFERENCE_PAGES, path)) return null;
  return { markdown: REFERENCE_PAGES[path]() };
}

export function convertDescribeOutput(params: ConvertDescribeOutputParams | undefined): ConvertDescribeOutputResult {
  if (typeof params?.text !== 'string') return null;
  const edit = toRegisterInputEdit(params.text);
  return edit ? { offset: edit.offset, length: edit.length, content: edit.content } : null;
}
