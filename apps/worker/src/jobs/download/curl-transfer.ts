import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { truncate } from 'node:fs/promises';
import { AppError } from '@tiksavr/core';
import type { InPlaceTarget } from '@tiksavr/storage';
import { type HeadVerdict, judgeMediaHead, type MediaHead } from './media-head.ts';
import type { MediaTransfer, TransferRequest, TransferResult } from './media-transfer.ts';

/**
 * Media through a `curl` child process that writes straight into the partial file while this
 * process hashes the bytes as they land (Storage.appendInPlace). Why a child process: on the
 * bench box node:http spends ~4 ms of CPU per MB (HTTP parsing, buffers, GC) against curl's ~0.6,
 * and the worker's heap stays the size of an idle worker whatever the file size.
 *
 * curl gets no say in where it goes: no redirects (`judgeMediaHead` hands them back to the caller,
 * which checks the target), `--proto =http,https`, no proxy, no ~/.curlrc (`-q`), no URL globbing,
 * and its arguments (URL, Cookie) come through stdin (`--config -`), not the process list.
 */
export type CurlCommand = {
  readonly curlPath: string;
  /**
   * Runs curl so that it dies with the worker: `setpriv --pdeathsig KILL --` (util-linux). A
   * SIGKILLed worker must not leave a curl appending to a partial file that the worker taking
   * the job over resumes.
   */
  readonly tiedToParent: readonly string[];
};

/** `setpriv --pdeathsig KILL -- curl …`: see CurlCommand.tiedToParent. */
export function curlTiedToParent(curlPath: string): CurlCommand {
  return { curlPath, tiedToParent: ['setpriv', '--pdeathsig', 'KILL', '--'] };
}

/** The program and arguments that run curl with `curlArgs` as `command` says. */
export function curlCommandLine(command: CurlCommand, curlArgs: readonly string[]): [string, string[]] {
  const [launcher, ...launcherArgs] = command.tiedToParent;
  if (launcher === undefined) return [command.curlPath, [...curlArgs]];
  return [launcher, [...launcherArgs, command.curlPath, ...curlArgs]];
}

export function createCurlTransfer(command: CurlCommand): MediaTransfer {
  return { name: 'curl', get: (request) => getWithCurl(command, request) };
}

async function getWithCurl(command: CurlCommand, request: TransferRequest): Promise<TransferResult> {
  const appendInPlace = request.partial.appendInPlace;
  if (appendInPlace === undefined) {
    throw new AppError('internal', 'The curl transfer needs a storage that keeps partial files locally');
  }
  let verdict: HeadVerdict | null = null;
  let exit: CurlExit | null = null;
  const offset = request.partial.size();
  await appendInPlace(
    async (target) => {
      exit = await runCurl(command, request, target, (head) => {
        verdict = judgeMediaHead(head, {
          url: request.url,
          offset: target.offset,
          maxBytes: request.maxBytes,
        });
        return verdict.kind === 'body';
      });
      // A redirect or refusal may have left its own body in the file: it is not media.
      if (verdict !== null && verdict.kind !== 'body') await cutBack(target);
    },
    {
      maxBytes: request.maxBytes,
      onBytes: (done) => request.onBytes(done, verdict?.kind === 'body' ? verdict.total : null),
    },
  );
  return resultOf(verdict, exit, offset);
}

/** Cuts the file back to the bytes it had before this GET (it may not exist: curl creates it). */
async function cutBack(target: InPlaceTarget): Promise<void> {
  try {
    await truncate(target.path, target.offset);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
  }
}

function resultOf(verdict: HeadVerdict | null, exit: CurlExit | null, offset: number): TransferResult {
  if (verdict?.kind === 'fail') throw verdict.error;
  if (verdict?.kind === 'redirect' || verdict?.kind === 'restart') return verdict;
  if (exit === null) throw new AppError('internal', 'curl did not run');
  if (exit.code === 0 && verdict?.kind === 'body') {
    return { kind: 'stored', total: verdict.total, contentType: verdict.contentType };
  }
  // 33: "HTTP server doesn't seem to support byte ranges" (curl checks Content-Range itself).
  if (exit.code === 33 && offset > 0) return { kind: 'restart' };
  throw curlFailure(exit);
}

type CurlExit = { readonly code: number | null; readonly signal: string | null; readonly stderr: string };

/** Runs curl for one GET; `onHead` says whether to keep the body (false stops curl at once). */
async function runCurl(
  command: CurlCommand,
  request: TransferRequest,
  target: InPlaceTarget,
  onHead: (head: MediaHead) => boolean,
): Promise<CurlExit> {
  const stopSignals = [request.signal, target.signal];
  // An abort that came before the start would never fire its listener below.
  for (const signal of stopSignals) signal.throwIfAborted();
  const [program, args] = curlCommandLine(command, ['-q', '--config', '-']);
  const child = spawn(program, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: curlEnvironment(),
  });
  const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  for (const signal of stopSignals) signal.addEventListener('abort', stop, { once: true });
  try {
    child.stdin.on('error', () => {}); // curl may exit before reading its config (a spawn failure)
    child.stdin.end(curlConfig(request, target));
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      if (stderr.length < 4096) stderr += text;
    });
    const heads = createHeadReader((head) => {
      if (!onHead(head)) stop();
    });
    child.stdout.setEncoding('latin1').on('data', heads.push);
    let code: number | null;
    let signal: NodeJS.Signals | null;
    try {
      [code, signal] = await closed;
    } catch (error) {
      // 'error' before 'close': curl could not be started (missing, not executable).
      throw new AppError('internal', `Could not run ${program}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    for (const aborted of stopSignals) aborted.throwIfAborted();
    return { code, signal, stderr: stderr.trim() };
  } finally {
    for (const signal of stopSignals) signal.removeEventListener('abort', stop);
    stop();
  }
}

/** curl's environment: only what finds the program and the system's CA certificates. */
function curlEnvironment(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'CURL_CA_BUNDLE'];
  return Object.fromEntries(
    keep.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])),
  );
}

/** A curl config file (curl's manual, "--config"): one option per line, values in double quotes. */
function curlConfig(request: TransferRequest, target: InPlaceTarget): string {
  const seconds = Math.max(1, Math.ceil(request.idleTimeoutMs / 1000));
  const lines = [
    'silent',
    'show-error',
    // 4xx/5xx bodies are not written; their status still comes through dump-header.
    'fail',
    'globoff',
    'noproxy = "*"',
    'proto = "=http,https"',
    `connect-timeout = ${seconds}`,
    // Less than 1 byte/s for `seconds`: the same idle rule as the node transfer.
    'speed-limit = 1',
    `speed-time = ${seconds}`,
    'dump-header = "-"',
    `output = ${quoted(target.path)}`,
    // With an offset curl sends `Range: bytes=<offset>-`, appends, and checks Content-Range.
    ...(target.offset > 0 ? [`continue-at = ${target.offset}`] : []),
    ...Object.entries(request.headers).map(([name, value]) => `header = ${quoted(`${name}: ${value}`)}`),
    `url = ${quoted(request.url.href)}`,
  ];
  return `${lines.join('\n')}\n`;
}

function quoted(value: string): string {
  // A line break would start a new option (or header): such a value is never passed on.
  if (/[\r\n\0]/.test(value)) throw new AppError('internal', 'A media request value contains a line break');
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/**
 * Reads the header blocks curl dumps on stdout (`HTTP/1.1 206 Partial Content`, `Name: value`
 * lines, a blank line) and reports the first final one (1xx blocks such as 103 Early Hints are skipped).
 */
function createHeadReader(onHead: (head: MediaHead) => void) {
  let pending = '';
  let status: number | null = null;
  let headers = new Map<string, string>();
  let done = false;
  return {
    push(text: string) {
      if (done) return;
      pending += text;
      let newline = pending.indexOf('\n');
      while (newline !== -1 && !done) {
        const line = pending.slice(0, newline).replace(/\r$/, '');
        pending = pending.slice(newline + 1);
        if (status === null) {
          const match = /^HTTP\/[\d.]+ (\d{3})/.exec(line);
          if (match) status = Number(match[1]);
        } else if (line === '') {
          if (status >= 200) {
            done = true;
            const final = new Map(headers);
            onHead({ status, header: (name) => final.get(name) });
          }
          status = null;
          headers = new Map();
        } else {
          const colon = line.indexOf(':');
          if (colon > 0) {
            const name = line.slice(0, colon).trim().toLowerCase();
            const value = line.slice(colon + 1).trim();
            headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
          }
        }
        newline = pending.indexOf('\n');
      }
    },
  };
}

/** curl's exit codes (its manual, "EXIT CODES") as TikSavr's errors. */
const NETWORK_EXIT_CODES = new Map<number, string>([
  [5, 'could not resolve the proxy'],
  [6, 'could not resolve the media host'],
  [7, 'could not connect to the media host'],
  [8, 'the media server sent a reply curl could not read'],
  [16, 'HTTP/2 error'],
  [18, 'the body ended before its announced size'],
  [28, 'no data within the media timeout'],
  [35, 'TLS handshake failed'],
  [52, 'the media server closed the connection without a reply'],
  [55, 'sending the request failed'],
  [56, 'the connection broke while receiving'],
  [92, 'HTTP/2 stream error'],
]);

function curlFailure(exit: CurlExit): AppError {
  const detail = { exitCode: exit.code, signal: exit.signal, curl: exit.stderr };
  if (exit.code !== null) {
    const network = NETWORK_EXIT_CODES.get(exit.code);
    if (network !== undefined) return new AppError('network', `curl: ${network}`, { detail });
    if (exit.code === 63)
      return new AppError('too_large', 'curl: the media is larger than allowed', { detail });
  }
  const why = exit.stderr === '' ? `exit ${exit.code ?? exit.signal}` : exit.stderr;
  return new AppError('internal', `curl failed: ${why}`, { detail });
}
