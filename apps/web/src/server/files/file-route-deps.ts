import { services } from '../services.ts';
import { sessionUser } from '../session-user.ts';
import type { FileRouteDeps } from './serve-asset.ts';

/** The production wiring of the file routes: the shared services and the better-auth session. */
export function fileRouteDeps(): FileRouteDeps {
  const { db, storage } = services();
  return { db, storage, sessionUser };
}
