// The one public entry of @tiksavr/tiktok-sim. Internal files import each other by path.
import type { DemoExample, TikTokSim } from './sim-types.ts';

export { SimInputError } from './sim-input-error.ts';
export type {
  DemoExample,
  SimCreator,
  SimCreatorSpec,
  SimEndpoint,
  SimFault,
  SimFaultKind,
  SimFaultScope,
  SimItem,
  SimItemPatch,
  SimItemSpec,
  SimItemStats,
  SimMediaRole,
  SimMediaStats,
  SimPosted,
  SimPostSpec,
  SimRequestKind,
  SimRequestLogEntry,
  SimStats,
  SimStorySpec,
  SimVideoCodec,
  SimVisibility,
  TikTokSim,
  TikTokSimOptions,
} from './sim-types.ts';
export { startTikTokSim } from './start-tiktok-sim.ts';

/** The labelled example links of a sim started with `seed: 'demo'` (empty otherwise). */
export function demoExamples(sim: TikTokSim): DemoExample[] {
  return sim.examples();
}
