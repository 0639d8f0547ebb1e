'use client';

import { adminClient } from 'better-auth/client/plugins';
import { createAuthClient } from 'better-auth/react';

function makeAuthClient() {
  return createAuthClient({ baseURL: window.location.origin, plugins: [adminClient()] });
}

let client: ReturnType<typeof makeAuthClient> | null = null;

/** The better-auth browser client, created on first use (it needs the page's origin). */
export function authClient() {
  client ??= makeAuthClient();
  return client;
}
