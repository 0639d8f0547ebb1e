import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { MediaAsset } from '@tiksavr/core';
import type { Storage } from '@tiksavr/storage';
import type { WorkerConfig } from '../../env.ts';
import { type CurlCommand, createCurlTransfer, curlCommandLine, curlTiedToParent } from './curl-transfer.ts';
import type { MediaTransfer } from './media-transfer.ts';
import { createNodeTransfer } from './node-transfer.ts';

const run = promisify(execFile);

/**
 * Which transfer fetches an asset. curl costs a process start (~35 ms here: curl links a dozen
 * libraries) and then ~0.6 ms of CPU per MB; node:http starts at once and costs ~4 ms per MB
 * (bench worker.download). So files from `curlFromBytes` up go through curl, smaller ones through
 * node:http. A video of unknown size counts as large, other roles (images, audio, cover) as small.
 */
export type TransferPolicy = {
  /** null: curl is never used. */
  readonly curlFromBytes: number | null;
  /** In words, for logs and the admin's worker list: "curl 7.88.1 from 8 MiB, node:http below". */
  readonly description: string;
  pick(asset: MediaAsset): MediaTransfer;
};

/**
 * Decides at start-up. `auto` uses curl when it runs tied to this process (`setpriv --pdeathsig
 * KILL -- curl --version`, see curl-transfer.ts) and the storage keeps partial files locally,
 * otherwise node:http only; `curl` insists (start-up fails without it); `node` never runs curl.
 */
export async function chooseTransferPolicy(
  config: Pick<WorkerConfig, 'transfer' | 'curlPath' | 'curlMinBytes'>,
  storage: Storage,
): Promise<TransferPolicy> {
  const node = createNodeTransfer();
  const nodeOnly = (why: string): TransferPolicy => ({
    curlFromBytes: null,
    description: `node:http only (${why})`,
    pick: () => node,
  });
  if (config.transfer === 'node') return nodeOnly('WORKER_TRANSFER=node');
  const probe = await storage.beginPartial('transfer-probe');
  const inPlace = probe.appendInPlace !== undefined;
  await probe.discard();
  const command = curlTiedToParent(config.curlPath);
  const version = await curlVersion(command);
  if (version === null || !inPlace) {
    const why =
      version === null
        ? `${[...command.tiedToParent, command.curlPath].join(' ')} could not be run`
        : 'the storage has no local partial files';
    if (config.transfer === 'curl') throw new Error(`WORKER_TRANSFER=curl, but ${why}`);
    return nodeOnly(why);
  }
  const curl = createCurlTransfer(command);
  const curlFromBytes = config.curlMinBytes;
  return {
    curlFromBytes,
    description: `${version} from ${formatMiB(curlFromBytes)}, node:http below`,
    pick: (asset) => {
      const size = asset.expectedSize ?? (asset.role === 'video' ? Number.POSITIVE_INFINITY : 0);
      return size >= curlFromBytes ? curl : node;
    },
  };
}

function formatMiB(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/** `curl 7.88.1` when curl runs the way the transfer starts it (tied to this process), else null. */
async function curlVersion(command: CurlCommand): Promise<string | null> {
  const [program, args] = curlCommandLine(command, ['--version']);
  try {
    const { stdout } = await run(program, args, { timeout: 5_000 });
    return /^curl [^\s]+/.exec(stdout)?.[0] ?? null;
  } catch {
    return null;
  }
}
