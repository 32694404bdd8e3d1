/** Registers the feature modules with the server (each feature: one file). */
import { registerCodeActions } from './code-actions';
import { registerCompletion } from './completion';
import { registerHover } from './hover';
import { FEATURES } from './server';
import { registerSymbols } from './symbols';

FEATURES.push(registerCodeActions, registerHover, registerCompletion, registerSymbols);
