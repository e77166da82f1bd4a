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

// No import cycles inside a package: a cycle means two modules that are really one, or a
// missing seam. Relative imports only (packages already form a DAG through the workspace).
function findCycles(dir: string): string[][] {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(dir)) {
    if (/\.test\.tsx?$/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    const edges: string[] = [];
    for (const match of text.matchAll(importPattern)) {
      const spec = match[1] ?? match[2] ?? '';
      if (!spec.startsWith('.')) continue;
      // Type-only imports vanish at run time and cannot form a load-order cycle.
      if (/^(?:import|export)\s+type\s/.test(match[0])) continue;
      edges.push(resolve(dirname(file), spec));
    }
    graph.set(file, edges);
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next) && graph.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}
for (const dir of ['core/src', 'plugin-sdk/src', 'dashboard/src', ...readdirSync(join(root, 'plugins')).map((name) => `plugins/${name}/src`)]) {
  for (const cycle of findCycles(join(root, dir))) violations.push(`import cycle: ${cycle.map((file) => relative(root, file)).join(' -> ')}`);
}

if (violations.length > 0) {
  console.error(`Import rule violations:\n  ${violations.join('\n  ')}`);
  process.exit(1);
}
console.log('imports ok: plugins depend only on @hub/plugin-sdk; no import cycles');
