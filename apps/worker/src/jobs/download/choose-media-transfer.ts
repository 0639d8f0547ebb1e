import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Storage } from '@tiksavr/storage';
import type { WorkerConfig } from '../../env.ts';
import { type CurlCommand, createCurlTransfer, curlCommandLine, curlTiedToParent } from './curl-transfer.ts';
import type { MediaTransfer } from './media-transfer.ts';
import { createNodeTransfer } from './node-transfer.ts';

const run = promisify(execFile);

export type ChosenTransfer = {
  readonly transfer: MediaTransfer;
  /** `curl 7.88.1`, or why the node transfer is used. */
  readonly because: string;
};

/**
 * Picks how media is fetched at start-up. `auto` uses curl when it runs tied to this process
 * (`setpriv --pdeathsig KILL -- curl --version`, see curl-transfer.ts) and the storage keeps
 * partial files locally, otherwise node:http; `curl` insists (start-up fails
 * without it), `node` never runs curl.
 */
export async function chooseMediaTransfer(
  config: Pick<WorkerConfig, 'transfer' | 'curlPath'>,
  storage: Storage,
): Promise<ChosenTransfer> {
  if (config.transfer === 'node') return { transfer: createNodeTransfer(), because: 'WORKER_TRANSFER=node' };
  const probe = await storage.beginPartial('transfer-probe');
  const inPlace = probe.appendInPlace !== undefined;
  await probe.discard();
  const command = curlTiedToParent(config.curlPath);
  const version = await curlVersion(command);
  if (version !== null && inPlace) return { transfer: createCurlTransfer(command), because: version };
  const why =
    version === null
      ? `${[...command.tiedToParent, command.curlPath].join(' ')} could not be run`
      : 'the storage has no local partial files';
  if (config.transfer === 'curl') throw new Error(`WORKER_TRANSFER=curl, but ${why}`);
  return { transfer: createNodeTransfer(), because: `${why}: using node:http` };
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
