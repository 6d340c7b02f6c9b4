// `node --import ./tools/dev/register.mjs file.ts`: run TypeScript sources (see ts-hooks.mjs).
import { register } from 'node:module';
import 'reflect-metadata';

process.setSourceMapsEnabled(true);
register('./ts-hooks.mjs', import.meta.url);
