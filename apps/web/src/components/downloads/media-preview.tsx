'use client';

import { useState } from 'react';
import { buttonStyles } from '../ui/button-styles.ts';

type PreviewAsset = { id: string; role: string; index: number; mime: string | null; url: string };

/**
 * A fixed-height preview so a finished card does not grow as media loads: a video player, or
 * for photo posts an image carousel with the music below it.
 */
export function MediaPreview({ assets }: { assets: readonly PreviewAsset[] }) {
  const video = assets.find((asset) => asset.role === 'video');
  const images = assets.filter((asset) => asset.role === 'image').sort((a, b) => a.index - b.index);
  const audio = assets.find((asset) => asset.role === 'audio');
  const cover = assets.find((asset) => asset.role === 'cover');
  return (
    <div className="flex flex-col gap-2">
      {video ? (
        // biome-ignore lint/a11y/useMediaCaption: TikTok posts come without caption tracks.
        <video
          controls
          preload="metadata"
          playsInline
          poster={cover?.url}
          src={video.url}
          className="h-72 w-full rounded-lg bg-black object-contain"
        />
      ) : null}
      {images.length > 0 ? <ImageCarousel images={images} /> : null}
      {audio && !video ? (
        // biome-ignore lint/a11y/useMediaCaption: music has no captions.
        <audio controls preload="none" src={audio.url} className="w-full" aria-label="Sound of this post" />
      ) : null}
    </div>
  );
}

function ImageCarousel({ images }: { images: readonly PreviewAsset[] }) {
  const [shown, setShown] = useState(0);
  const image = images[Math.min(shown, images.length - 1)];
  if (!image) return null;
  return (
    <section aria-roledescription="carousel" aria-label="Photos" className="flex flex-col gap-2">
      <div className="grid h-72 place-items-center overflow-hidden rounded-lg bg-gray-100">
        {/* biome-ignore lint/performance/noImgElement: files come from our own authenticated route, not Next's optimizer. */}
        <img
          src={image.url}
          alt={`Slide ${shown + 1} of ${images.length} of this post`}
          className="max-h-72 w-auto object-contain"
        />
      </div>
      {images.length > 1 ? (
        <div className="flex items-center justify-between gap-2">
          <button
            type="button"
            className={buttonStyles.small}
            onClick={() => setShown((index) => (index - 1 + images.length) % images.length)}
            aria-label="Previous photo"
          >
            ← Previous
          </button>
          <span className="text-sm tabular-nums text-gray-700" aria-live="polite">
            {shown + 1} / {images.length}
          </span>
          <button
            type="button"
            className={buttonStyles.small}
            onClick={() => setShown((index) => (index + 1) % images.length)}
            aria-label="Next photo"
          >
            Next →
          </button>
        </div>
      ) : null}
    </section>
  );
}
