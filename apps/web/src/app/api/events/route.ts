import { serveDownloadEvents } from '../../../server/events/download-event-stream.ts';
import { downloadEventHub } from '../../../server/events/hub-instance.ts';
import { sessionUser } from '../../../server/session-user.ts';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request) {
  return serveDownloadEvents(request, { sessionUser, hub: downloadEventHub() });
}
