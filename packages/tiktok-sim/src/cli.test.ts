import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { test } from 'node:test';

test('the CLI prints one ready line with origin and examples, serves, and stops on SIGTERM', async () => {
  const cli = spawn(
    process.execPath,
    [new URL('./cli.ts', import.meta.url).pathname, '--port', '0', '--seed', 'demo'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    const lines = createInterface({ input: cli.stdout });
    const [line] = (await once(lines, 'line')) as [string];
    const ready = JSON.parse(line) as {
      ready: boolean;
      origin: string;
      examples: Array<{ label: string; url: string; simUrl: string }>;
    };
    assert.equal(ready.ready, true);
    assert.match(ready.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(ready.examples.length >= 11);
    assert.ok(
      ready.examples.every(
        (e) =>
          typeof e.label === 'string' && e.simUrl.startsWith(ready.origin) && e.url.startsWith('https://'),
      ),
    );
    const page = await fetch(ready.examples[0]?.simUrl ?? '');
    assert.equal(page.status, 200);
    await page.text();

    cli.kill('SIGTERM');
    const [code] = (await once(cli, 'exit')) as [number | null];
    assert.equal(code, 0);
  } finally {
    if (cli.exitCode === null) cli.kill('SIGKILL');
  }
});

test('the CLI refuses a bad --seed with exit code 2', async () => {
  const cli = spawn(process.execPath, [new URL('./cli.ts', import.meta.url).pathname, '--seed', 'lots'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const [code] = (await once(cli, 'exit')) as [number | null];
  assert.equal(code, 2);
});
