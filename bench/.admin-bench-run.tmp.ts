import { adminJobsListCase, adminOverviewCase } from '/work/main/bench/cases/admin-queries.bench.ts';
import { toResult } from '/work/main/bench/harness.ts';
for (const c of [adminOverviewCase, adminJobsListCase]) {
  const t = performance.now();
  const r = toResult(c, await c.run());
  console.log(JSON.stringify(r), ((performance.now() - t) / 1000).toFixed(1), 's');
}
