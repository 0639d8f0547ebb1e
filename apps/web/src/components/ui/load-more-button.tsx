import { buttonStyles } from './button-styles.ts';

/** The part of a react-query infinite query this button needs. */
export type MorePages = {
  readonly hasNextPage: boolean;
  readonly isFetchingNextPage: boolean;
  fetchNextPage(): unknown;
};

/** "Load more" under a paged list; nothing when there is no next page. */
export function LoadMoreButton({
  pages,
  label,
  className = '',
}: {
  pages: MorePages;
  label: string;
  className?: string;
}) {
  if (!pages.hasNextPage) return null;
  return (
    <button
      type="button"
      className={`${buttonStyles.secondary} ${className}`.trim()}
      disabled={pages.isFetchingNextPage}
      onClick={() => pages.fetchNextPage()}
    >
      {pages.isFetchingNextPage ? 'Loading…' : label}
    </button>
  );
}
