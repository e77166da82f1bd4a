/**
 * House rule (DESIGN §2): plugins import `@hub/plugin-sdk` only, never `@hub/core` or each
 * other; core never imports a plugin's internals. Exits non-zero with every violation listed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const importPattern = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'dist-types') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx)$/.test(name)) yield path;
  }
}

const allowedInPlugins = (spec: string, file: string) =>
  spec.startsWith('.') ||
  spec.startsWith('node:') ||
  spec === 'valibot' ||
  spec.startsWith('@hub/plugin-sdk') ||
  // Tests beside the code need a runner; the plugin itself never loads it.
  (spec === 'vitest' && /\.test\.tsx?$/.test(file));

const violations: string[] = [];
for (const pluginDir of readdirSync(join(root, 'plugins'))) {
  for (const file of sourceFiles(join(root, 'plugins', pluginDir))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(importPattern)) {
      const spec = match[1] ?? match[2] ?? '';
      if (!allowedInPlugins(spec, file)) violations.push(`${relative(root, file)} imports '${spec}' (plugins may import only @hub/plugin-sdk, valibot and node: built-ins)`);
      if (spec.startsWith('.') && spec.includes('../../')) violations.push(`${relative(root, file)} reaches outside its package with '${spec}'`);
    }
  }
}
for (const file of sourceFiles(join(root, 'core', 'src'))) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(importPattern)) {
    const spec = match[1] ?? match[2] ?? '';
    if (/^@hub\/plugin-(?!sdk)[^/]+\/.+/.test(spec)) violations.push(`${relative(root, file)} imports plugin internals '${spec}'`);
    if (spec.startsWith('.') && resolve(dirname(file), spec).startsWith(join(root, 'plugins') + '/')) violations.push(`${relative(root, file)} imports a plugin by path '${spec}'`);
  }
}

if (violations.length > 0) {
  console.error(`Import rule violations:\n  ${violations.join('\n  ')}`);
  process.exit(1);
}
console.log('imports ok: plugins depend only on @hub/plugin-sdk');
