import type { MetadataRoute } from 'next';

/** Installable web app; `share_target` puts TikSavr in the phone's Share menu next to TikTok's Copy link. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'TikSavr',
    short_name: 'TikSavr',
    description: 'Save TikTok videos, photo posts and Stories before they disappear.',
    start_url: '/dashboard',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#fe2c55',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    share_target: {
      action: '/dashboard',
      method: 'GET',
      params: { title: 'title', text: 'text', url: 'url' },
    },
  };
}
