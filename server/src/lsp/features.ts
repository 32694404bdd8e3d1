/** Registers the feature modules with the server (each feature: one file). */
import { registerClientRequests } from './client-requests';
import { registerCodeActions } from './code-actions';
import { registerCompletion } from './completion';
import { registerCrossFile } from './cross-file';
import { registerHover } from './hover';
import { registerLintFiles } from './lint-files';
import { FEATURES } from './server';
import { registerSymbols } from './symbols';

FEATURES.push(registerCodeActions, registerHover, registerCompletion, registerSymbols, registerCrossFile);

// Lints files the editor has not opened, for the client's workspace-lint command.
FEATURES.push(registerLintFiles);

// The core-backed parts of the client's commands (reference pages, describe-output conversion): see client-requests.ts.
FEATURES.push(registerClientRequests);
