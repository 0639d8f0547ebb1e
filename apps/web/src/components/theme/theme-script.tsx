import { THEME_STORAGE_KEY } from './theme-storage-key.ts';

/**
 * Runs in <head> before the first paint: puts `dark` on <html> when the saved choice says so, or,
 * with no saved choice, when the system is in dark mode (and keeps following the system while it
 * changes). Inline and tiny on purpose: a script file or a React effect would run after the page
 * was painted light, and it would flash.
 */
const SCRIPT = `(function(){try{var k=${JSON.stringify(THEME_STORAGE_KEY)};var m=window.matchMedia('(prefers-color-scheme: dark)');var a=function(){var t=null;try{t=localStorage.getItem(k)}catch(e){}document.documentElement.classList.toggle('dark',t==='dark'||(t!=='light'&&m.matches))};a();m.addEventListener('change',a);window.addEventListener('storage',function(e){if(e.key===k)a()})}catch(e){}})();`;

export function ThemeScript() {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a fixed string of ours, no user input.
  return <script dangerouslySetInnerHTML={{ __html: SCRIPT }} />;
}
