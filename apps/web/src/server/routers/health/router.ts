import { router } from '../../trpc.ts';
import { check } from './check.ts';
import { probe } from './probe.ts';
import { probeResult } from './probe-result.ts';

export const healthRouter = router({ check, probe, probeResult });
