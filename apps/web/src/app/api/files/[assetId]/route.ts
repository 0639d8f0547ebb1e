import { fileRouteDeps } from '../../../../server/files/file-route-deps.ts';
import { serveAsset } from '../../../../server/files/serve-asset.ts';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request, { params }: { params: Promise<{ assetId: string }> }) {
  const { assetId } = await params;
  return serveAsset(request, assetId, fileRouteDeps());
}
