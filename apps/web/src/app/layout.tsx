import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { ThemeScript } from '../components/theme/theme-script.tsx';
import './globals.css';

/**
 * The home page's title; every other page sets its own full title ("History — TikSavr"). No title
 * template: a page that already names TikSavr would get it twice.
 */
export const metadata: Metadata = {
  title: 'TikSavr — save TikTok videos, photo posts and Stories',
  description: 'Keep your own copy of TikTok videos, photo posts and Stories before they disappear.',
  // `favicon.ico` and `icon.svg` in this folder are picked up by Next itself.
  icons: { apple: '/icons/icon-192.png' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#fe2c55',
  colorScheme: 'light dark',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets `class="dark"` before React hydrates: the mismatch is expected.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-dvh bg-white font-sans text-ink antialiased">{children}</body>
    </html>
  );
}
