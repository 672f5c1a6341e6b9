import type { ComponentType } from 'preact';
import { BASE, pageHref, parseLocation } from './location.ts';

/**
 * A tiny client router over history.pushState. Pages are lazy modules (each its own chunk), so the first screen
 * loads only the shell and the page it shows.
 */
export interface PageProps {
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface PageModule {
  default: ComponentType<PageProps>;
  /** Thai page title for <title> and the top bar. */
  title: string;
}

export interface Route {
  pattern: string;
  load: () => Promise<PageModule>;
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

export function matchRoute(routes: Route[], page: string): Match | null {
  const parts = page.split('/').filter(Boolean);
  for (const route of routes) {
    const pat = route.pattern.split('/').filter(Boolean);
    if (pat.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pat.length && ok; i++) {
      const p = pat[i]!;
      const v = parts[i]!;
      if (p.startsWith(':')) params[p.slice(1)] = v;
      else ok = p === v;
    }
    if (ok) return { route, params };
  }
  return null;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let orgId = '';

export function setRouterOrg(id: string): void {
  orgId = id;
}

export function currentPage(): { page: string; query: URLSearchParams } {
  return { page: parseLocation(location.pathname).page, query: new URLSearchParams(location.search) };
}

export function href(page: string): string {
  return pageHref(orgId, page);
}

export function navigate(page: string, options: { replace?: boolean } = {}): void {
  const url = href(page);
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

export function onNavigate(listener: Listener): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** Same-app link clicks (plain left clicks on /liff/ links) navigate without a page load. */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = (event.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
    if (!a.pathname.startsWith(`${BASE}${orgId}`)) return;
    event.preventDefault();
    const { page } = parseLocation(a.pathname);
    navigate(page + a.search);
  });
}
