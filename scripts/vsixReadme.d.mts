// Types of scripts/vsixReadme.mjs for the TypeScript tests.
export const VSIX_PICTURES: string[];
export function vsixReadme(markdown: string, up: string): string;
export function writeVsixReadmes(root: string, distDir: string): void;
