// TikSavr's service worker: shows the Web Push notifications the worker sends when a save ends
// (see apps/worker/src/jobs/notify/deliver-push.ts for the message), and opens the item when one
// is clicked. It caches nothing: TikSavr stays an online app.

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

function readMessage(data) {
  if (!data) return {};
  try {
    return data.json();
  } catch {
    return { body: data.text() };
  }
}

self.addEventListener('push', (event) => {
  const message = readMessage(event.data);
  event.waitUntil(
    self.registration.showNotification(message.title || 'TikSavr', {
      body: message.body || '',
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      // One notification per download: a retry that saved it replaces "couldn't save".
      tag: message.downloadId || message.event || 'tiksavr',
      data: { url: message.url || '/dashboard' },
    }),
  );
});

/** The page to open, always on this origin (the path and query of the link the message carries). */
function pageToOpen(link) {
  try {
    const target = new URL(link, self.location.origin);
    return new URL(target.pathname + target.search, self.location.origin).href;
  } catch {
    return new URL('/dashboard', self.location.origin).href;
  }
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = pageToOpen(event.notification.data?.url || '/dashboard');
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) {
        await open.focus();
        if ('navigate' in open) await open.navigate(url);
        return;
      }
      await self.clients.openWindow(url);
    })(),
  );
});
