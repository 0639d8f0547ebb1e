/**
 * The browser's side of turning Web Push on and off for this device: the service worker
 * (public/sw.js), the permission prompt and the push subscription. Browser-only; every function
 * is called from an event handler or an effect.
 */

export type PushSupport =
  /** This browser can receive push messages. */
  | 'supported'
  /** iPhone or iPad in Safari: push works only once TikSavr is added to the Home Screen. */
  | 'needs_home_screen'
  | 'unsupported';

export function pushSupport(): PushSupport {
  const capable = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  if (capable) return 'supported';
  const ios = /iPhone|iPad|iPod/.test(navigator.userAgent);
  const standalone = window.matchMedia('(display-mode: standalone)').matches;
  return ios && !standalone ? 'needs_home_screen' : 'unsupported';
}

/** The VAPID public key (base64url) as the bytes `pushManager.subscribe` takes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const text = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function sameKey(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (a === null || a.byteLength !== b.byteLength) return false;
  const view = new Uint8Array(a);
  return view.every((byte, i) => byte === b[i]);
}

async function registration(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  return navigator.serviceWorker.ready;
}

/** The endpoint this browser is subscribed with now, or null (not subscribed, or no service worker yet). */
export async function currentEndpoint(): Promise<string | null> {
  if (pushSupport() !== 'supported') return null;
  const existing = await navigator.serviceWorker.getRegistration('/');
  const subscription = await existing?.pushManager.getSubscription();
  return subscription?.endpoint ?? null;
}

export type SubscribeResult =
  | { readonly ok: true; readonly subscription: { endpoint: string; keys: { p256dh: string; auth: string } } }
  | { readonly ok: false; readonly reason: 'denied' | 'dismissed' | 'failed'; readonly message?: string };

/**
 * Asks the browser's permission (its own prompt, opened by the person's click) and subscribes
 * with this server's key. A subscription made with another key (the server's keys changed) is
 * replaced.
 */
export async function subscribeThisDevice(publicKey: string): Promise<SubscribeResult> {
  const permission = await Notification.requestPermission();
  if (permission === 'denied') return { ok: false, reason: 'denied' };
  if (permission !== 'granted') return { ok: false, reason: 'dismissed' };
  try {
    const worker = await registration();
    const key = keyBytes(publicKey);
    let subscription = await worker.pushManager.getSubscription();
    if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
      await subscription.unsubscribe();
      subscription = null;
    }
    subscription ??= await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
    const json = subscription.toJSON();
    const p256dh = json.keys?.p256dh;
    const auth = json.keys?.auth;
    if (!json.endpoint || !p256dh || !auth) return { ok: false, reason: 'failed' };
    return { ok: true, subscription: { endpoint: json.endpoint, keys: { p256dh, auth } } };
  } catch (error) {
    return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Stops this browser's subscription (the push service forgets it). */
export async function unsubscribeThisDevice(): Promise<void> {
  const existing = await navigator.serviceWorker.getRegistration('/');
  const subscription = await existing?.pushManager.getSubscription();
  await subscription?.unsubscribe();
}
