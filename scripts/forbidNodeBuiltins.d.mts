import type { Plugin } from 'esbuild';
export declare const forbidNodeBuiltins: Plugin;
