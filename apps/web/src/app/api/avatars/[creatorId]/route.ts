import { fileRouteDeps } from '../../../../server/files/file-route-deps.ts';
import { serveAvatar } from '../../../../server/watches/serve-avatar.ts';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request, { params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  return serveAvatar(request, creatorId, fileRouteDeps());
}
