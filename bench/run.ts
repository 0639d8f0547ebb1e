/**
 * `npm run bench [-- <name filter>…] [-- --strict]`: runs the bench cases one after another in this
 * process, prints a table and writes bench/results/latest.json:
 *   { date, node, cases: [{ name, metric, value, unit, baseline, ratio, target, pass, details? }] }
 * `--strict` exits with 1 when a case misses its target (for CI); by default a miss is only reported,
 * because a shared machine can be slow for reasons that have nothing to do with the code.
 *
 * To add a case: create bench/cases/<thing>.bench.ts exporting a `BenchCase`, and list it in CASES.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminJobsListCase, adminOverviewCase } from './cases/admin-queries.bench.ts';
import { multiWorkerCase } from './cases/multi-worker.bench.ts';
import { pageExtractCase } from './cases/page-extract.bench.ts';
import { storageS3UploadCase } from './cases/storage-s3-upload.bench.ts';
import { upstreamBudgetCapCase, upstreamBudgetUseCase } from './cases/upstream-budget.bench.ts';
import { urlParseCase } from './cases/url-parse.bench.ts';
import { watchBudgetUseCase, watchCpuPerCheckCase, watchStartDelayCase } from './cases/watch-checks.bench.ts';
import { webHistoryCase } from './cases/web-history.bench.ts';
import { webSubmitCase } from './cases/web-submit.bench.ts';
import { workerDownloadSpeedCase } from './cases/worker-download-speed.bench.ts';
import { workerJobTimelineCase } from './cases/worker-job-timeline.bench.ts';
import { workerPickupCase } from './cases/worker-pickup.bench.ts';
import { workerThroughputCase } from './cases/worker-throughput.bench.ts';
import { type BenchCase, type CaseResult, toResult } from './harness.ts';

const CASES: readonly BenchCase[] = [
  urlParseCase,
  pageExtractCase,
  webSubmitCase,
  webHistoryCase,
  adminOverviewCase,
  adminJobsListCase,
  workerThroughputCase,
  workerJobTimelineCase,
  multiWorkerCase,
  workerPickupCase,
  workerDownloadSpeedCase,
  storageS3UploadCase,
  upstreamBudgetUseCase,
  upstreamBudgetCapCase,
  watchStartDelayCase,
  watchCpuPerCheckCase,
  watchBudgetUseCase,
];

const RESULTS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');

function formatNumber(value: number | null): string {
  if (value === null) return '—';
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}

function printTable(results: readonly CaseResult[]): void {
  const rows = results.map((result) => ({
    case: result.name,
    metric: result.metric,
    value: `${formatNumber(result.value)} ${result.unit}`,
    baseline: result.baseline === null ? '—' : `${formatNumber(result.baseline)} ${result.unit}`,
    ratio: result.ratio === null ? '—' : `${result.ratio.toFixed(2)}×`,
    target:
      result.target !== null
        ? formatNumber(result.target)
        : result.targetRatio !== null
          ? `${result.targetRatio}× baseline`
          : '—',
    pass: result.pass === null ? '—' : result.pass ? 'PASS' : 'FAIL',
  }));
  const columns = Object.keys(rows[0] ?? {}) as (keyof (typeof rows)[number])[];
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index]!)).join('  ');
  console.log(line(columns));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(columns.map((column) => row[column])));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const strict = args.includes('--strict');
  const filters = args.filter((arg) => !arg.startsWith('--'));
  const selected = CASES.filter(
    (benchCase) => filters.length === 0 || filters.some((filter) => benchCase.name.includes(filter)),
  );
  if (selected.length === 0) {
    console.error(
      `No bench case matches ${filters.join(', ')}. Cases: ${CASES.map((c) => c.name).join(', ')}`,
    );
    process.exitCode = 2;
    return;
  }

  const results: CaseResult[] = [];
  for (const benchCase of selected) {
    const started = performance.now();
    process.stdout.write(`running ${benchCase.name} … `);
    const result = toResult(benchCase, await benchCase.run());
    console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
    results.push(result);
  }
  console.log();
  printTable(results);

  const report = { date: new Date().toISOString(), node: process.version, cases: results };
  await mkdir(dirname(RESULTS_FILE), { recursive: true });
  // Write then rename, so a reader never sees half a file (bench/results/*.tmp is git-ignored).
  await writeFile(`${RESULTS_FILE}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  await rename(`${RESULTS_FILE}.tmp`, RESULTS_FILE);
  console.log(`\nwrote ${RESULTS_FILE}`);

  if (strict && results.some((result) => result.pass === false)) process.exitCode = 1;
}

await main();
