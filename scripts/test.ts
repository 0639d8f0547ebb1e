// `npm test`: every check and test, on a fresh machine too.
//   1. finds Chromium for Playwright (installs Debian's when running as root; else one clear line)
//   2. starts one throwaway PostgreSQL cluster shared by every package's tests
//   3. lint → typecheck + unit/integration tests (nx, cached) → Playwright e2e → multi-host test
// and ends with one summary line "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { prepareTestCluster } from '../packages/db/src/testing/test-cluster.ts';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'node_modules', '.bin');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
  CHECKPOINT_DISABLE: '1',
};

function say(message: string) {
  process.stdout.write(`[test] ${message}\n`);
}

function ensureChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    say("Chromium not found: installing Debian's chromium with apt-get…");
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (update.status === 0 && install.status === 0 && existsSync('/usr/bin/chromium'))
      return '/usr/bin/chromium';
  }
  say(
    'Chromium is missing: install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH, then run npm test again.',
  );
  process.exit(1);
}

type StepResult = { code: number; passed: number; failed: number };

/** Runs a step, streaming its output, and counts node:test and Playwright results in it. */
function step(name: string, command: string, args: string[]): Promise<StepResult> {
  say(`${name}: ${[command, ...args].join(' ')}`);
  return new Promise((resolveStep) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const counts = { passed: 0, failed: 0 };
    const onData = (chunk: Buffer, out: NodeJS.WriteStream) => {
      out.write(chunk);
      tail += chunk.toString();
      const lines = tail.split('\n');
      tail = lines.pop() ?? '';
      for (const line of lines) countLine(line, counts);
    };
    child.stdout.on('data', (c: Buffer) => onData(c, process.stdout));
    child.stderr.on('data', (c: Buffer) => onData(c, process.stderr));
    child.once('exit', (code) => {
      countLine(tail, counts);
      resolveStep({ code: code ?? 1, ...counts });
    });
  });
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
const ANSI = /\x1b\[[0-9;]*m/g;

function countLine(raw: string, counts: { passed: number; failed: number }) {
  const line = raw.replace(ANSI, '');
  // nx prefixes each line with the project name ("@tiksavr/core: ℹ pass 518").
  const nodePass = /ℹ pass (\d+)\s*$/.exec(line);
  const nodeFail = /ℹ fail (\d+)\s*$/.exec(line);
  const pwPass = /(?:^|:)\s+(\d+) passed \(/.exec(line);
  const pwFail = /(?:^|:)\s+(\d+) failed\s*$/.exec(line);
  if (nodePass) counts.passed += Number(nodePass[1]);
  if (nodeFail) counts.failed += Number(nodeFail[1]);
  if (pwPass) counts.passed += Number(pwPass[1]);
  if (pwFail) counts.failed += Number(pwFail[1]);
}

async function main() {
  env.CHROMIUM_PATH = ensureChromium();
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'tiksavr-test-pg-'));
  say('starting the shared test PostgreSQL cluster…');
  const cluster = await prepareTestCluster(join(dir, 'pg'));
  env.TIKSAVR_TEST_SERVER_URL = cluster.serverUrl;

  const results: StepResult[] = [];
  try {
    const lint = await step('lint', join(bin, 'biome'), ['check', '.']);
    results.push({ ...lint, passed: 0, failed: lint.code === 0 ? 0 : 1 });
    const graph = await step('dependency graph', process.execPath, ['scripts/check-graph.ts']);
    results.push({ ...graph, passed: 0, failed: graph.code === 0 ? 0 : 1 });
    for (const project of ['scripts', 'bench']) {
      const check = await step(`typecheck ${project}`, join(bin, 'tsc'), ['-p', `${project}/tsconfig.json`]);
      results.push({ ...check, passed: 0, failed: check.code === 0 ? 0 : 1 });
    }
    results.push(
      await step('typecheck + tests', join(bin, 'nx'), [
        'run-many',
        '-t',
        'typecheck',
        'test',
        '--outputStyle=stream',
      ]),
    );
    results.push(await step('e2e', join(bin, 'nx'), ['run', '@tiksavr/e2e:e2e', '--outputStyle=stream']));
    // Separate hosts (issue #15): real web and worker processes; after e2e, whose build it reuses.
    results.push(
      await step('multi-host', process.execPath, [
        '--test',
        '--test-reporter=spec',
        'scripts/multi-host.test.ts',
      ]),
    );
  } finally {
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const ok = results.every((r) => r.code === 0);
  say(`finished in ${((Date.now() - started) / 1000).toFixed(0)} s: ${ok ? 'all green' : 'FAILED'}`);
  process.stdout.write(`${passed} passed, ${failed + (ok || failed > 0 ? 0 : 1)} failed\n`);
  process.exit(ok ? 0 : 1);
}

await main();
