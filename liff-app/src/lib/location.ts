/**
 * Where the app lives: /liff/{orgId}/{page}. Locally the server serves that path; in LINE the LIFF endpoint is
 * https://<host>/liff/{orgId}/ and a permanent link https://liff.line.me/{liffId}/{page} arrives there with the page
 * carried in `liff.state` until liff.init() restores it. So the organisation is always the first segment after /liff/,
 * and the page path is only read after init.
 */
export const BASE = '/liff/';

export interface AppLocation {
  orgId: string | null;
  /** The page path after the organisation, without leading or trailing slashes ('' is the home page). */
  page: string;
}

const ORG_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;

export function parseLocation(pathname: string): AppLocation {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\/+/, '');
  const [first = '', ...more] = rest.split('/').filter(Boolean).map(safeDecode);
  if (!ORG_ID.test(first)) return { orgId: null, page: '' };
  return { orgId: first, page: more.join('/') };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The URL path of a page of this organisation's app. `page` may carry a query string. */
export function pageHref(orgId: string, page: string): string {
  const clean = page.replace(/^\/+/, '');
  return `${BASE}${orgId}/${clean}`;
}
