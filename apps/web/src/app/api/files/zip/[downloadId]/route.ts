import { fileRouteDeps } from '../../../../../server/files/file-route-deps.ts';
import { servePhotoZip } from '../../../../../server/files/serve-photo-zip.ts';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request, { params }: { params: Promise<{ downloadId: string }> }) {
  const { downloadId } = await params;
  return servePhotoZip(request, downloadId, fileRouteDeps());
}
