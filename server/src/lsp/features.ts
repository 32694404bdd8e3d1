/** Registers the feature modules with the server (each feature: one file). */
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
