import { lookup } from 'node:dns/promises';
import type { ResolveHost } from '@tiksavr/core';

/** The operating system's resolver (getaddrinfo: /etc/hosts, then DNS), every address of a name. */
export const systemResolver: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);
