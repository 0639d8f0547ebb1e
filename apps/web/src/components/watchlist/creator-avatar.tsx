import { initialsOf } from './creator-initials.ts';

/** The creator's profile picture, or their initials on a tinted circle when TikSavr has none yet. */
export function CreatorAvatar({
  creator,
  size = 'md',
}: {
  creator: { handle: string; nickname: string | null; avatarUrl: string | null };
  size?: 'sm' | 'md';
}) {
  const box = size === 'sm' ? 'size-8 text-xs' : 'size-12 text-base';
  if (creator.avatarUrl) {
    return (
      // A plain img: the route is authenticated and content-addressed; next/image would proxy it again.
      // biome-ignore lint/performance/noImgElement: see above
      <img
        src={creator.avatarUrl}
        alt=""
        className={`${box} shrink-0 rounded-full bg-gray-100 object-cover`}
      />
    );
  }
  const initials = initialsOf(creator.nickname?.trim() || creator.handle);
  return (
    <span
      aria-hidden="true"
      className={`${box} grid shrink-0 place-items-center rounded-full bg-gray-200 font-semibold text-gray-800`}
    >
      {initials}
    </span>
  );
}
