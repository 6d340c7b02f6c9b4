// Node module hooks that run the TypeScript sources directly: relative `.js` specifiers map to
// their `.ts` files, and `.ts` files are compiled by swc with decorator metadata (which NestJS
// needs and esbuild-based loaders do not emit). Workspace libs resolve through npm workspaces to
// their `src/index.ts`, so this one hook serves apps, libs and tools alike.
import { readFile, access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from '@swc/core';

const TS_FILE = /\.tsx?$/;

async function exists(url) {
  try {
    await access(fileURLToPath(url));
    return true;
  } catch {
    return false;
  }
}

export async function resolve(specifier, context, nextResolve) {
  const isRelative = specifier.startsWith('./') || specifier.startsWith('../');
  if (isRelative && specifier.endsWith('.js') && context.parentURL && TS_FILE.test(context.parentURL)) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (await exists(candidate)) {
      return { url: candidate.href, format: 'module', shortCircuit: true };
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!TS_FILE.test(url) || url.includes('/node_modules/')) {
    return nextLoad(url, context);
  }
  const filename = fileURLToPath(url);
  const source = await readFile(filename, 'utf8');
  const output = await transform(source, {
    filename,
    sourceMaps: 'inline',
    jsc: {
      target: 'es2022',
      keepClassNames: true,
      parser: { syntax: 'typescript', decorators: true, tsx: filename.endsWith('.tsx') },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    },
    module: { type: 'es6' },
  });
  return { format: 'module', source: output.code, shortCircuit: true };
}
