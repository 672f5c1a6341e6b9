import type { Org } from '../orgs/schema.ts';

/**
 * The link that opens a LIFF page of an organisation. In LINE it is the permanent link
 * `https://liff.line.me/{liffId}/{path}`; in local mode (`localBase` set) the same page on the local server.
 * Returns undefined when the organisation has no LIFF app yet, so callers offer another way.
 */
export function liffUrl(org: Pick<Org, 'id' | 'line'>, path: string, localBase?: string): string | undefined {
  const clean = path.replace(/^\/+/, '');
  if (localBase) return `${localBase.replace(/\/+$/, '')}/liff/${org.id}/${clean}`;
  return org.line.liffId ? `https://liff.line.me/${org.line.liffId}/${clean}` : undefined;
}
