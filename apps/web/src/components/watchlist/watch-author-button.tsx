'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc.tsx';
import { WatchCreatorButton } from './watch-creator-button.tsx';

/**
 * On a saved item: watch its author, so their next stories are saved without a paste. Hidden while
 * the item's author is unknown. Reads the person's watchlist (one shared query for every card) so
 * a creator already watched gets no button.
 */
export function WatchAuthorButton({ author }: { author: string | null }) {
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.watches.list.queryOptions(), enabled: author !== null, staleTime: 60_000 });
  if (!author || !list.data) return null;
  const key = author.toLowerCase();
  const watching = list.data.watches.some((watch) => watch.creator.handle.toLowerCase() === key);
  return <WatchCreatorButton handle={author} alreadyWatching={watching} quietWhenWatching size="small" />;
}
