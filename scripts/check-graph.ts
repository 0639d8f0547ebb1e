// Enforces the dependency direction from docs (architecture.md): core, db and the simulator depend
// on nothing internal; storage only on core (its one error model); apps depend only on packages;
// nothing depends on an app.
// Reads Nx's project graph, so it checks the real package.json dependencies.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'tiksavr-graph-'));
const file = join(dir, 'graph.json');
try {
  execFileSync(join(root, 'node_modules', '.bin', 'nx'), ['graph', `--file=${file}`], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false' },
    stdio: 'ignore',
  });
  const graph = JSON.parse(readFileSync(file, 'utf8')).graph as {
    nodes: Record<string, { data: { root: string } }>;
    dependencies: Record<string, { target: string }[]>;
  };
  const isApp = (name: string) => graph.nodes[name]?.data.root.startsWith('apps/') ?? false;
  const allowedInternal: Record<string, string[]> = {
    '@tiksavr/core': [],
    '@tiksavr/db': [],
    '@tiksavr/tiktok-sim': [],
    '@tiksavr/storage': ['@tiksavr/core'],
  };
  const problems: string[] = [];
  for (const [source, deps] of Object.entries(graph.dependencies)) {
    for (const { target } of deps) {
      if (!graph.nodes[target]) continue; // npm packages
      if (isApp(target)) problems.push(`${source} depends on the app ${target}`);
      const allowed = allowedInternal[source];
      if (allowed && !allowed.includes(target)) problems.push(`${source} must not depend on ${target}`);
    }
  }
  for (const app of ['@tiksavr/web', '@tiksavr/worker']) {
    const targets = (graph.dependencies[app] ?? []).map((d) => d.target);
    for (const needed of ['@tiksavr/core', '@tiksavr/db']) {
      if (!targets.includes(needed)) problems.push(`${app} should depend on ${needed}`);
    }
  }
  if (problems.length) {
    console.error(`Dependency direction broken:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log('dependency graph ok: apps depend on packages, nothing depends on an app');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
