import { DOWNLOAD_DTO_SELECT, type DownloadDto, toDownloadDto } from '../../downloads/download-dto.ts';
import type { UserContext } from '../../trpc.ts';
import type { DownloadIds } from './downloads.schema.ts';

/** The user's Downloads among `ids` (the polling fallback of live status); others' ids are skipped. */
export async function downloadsByIds(ctx: UserContext, input: DownloadIds): Promise<DownloadDto[]> {
  if (input.ids.length === 0) return [];
  const rows = await ctx.db.download.findMany({
    where: { userId: ctx.user.id, id: { in: input.ids } },
    select: DOWNLOAD_DTO_SELECT,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return rows.map(toDownloadDto);
}
