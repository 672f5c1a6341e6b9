import { useCallback, useEffect, useState } from 'preact/hooks';
import { request, type Issue } from '../api.ts';

/** Loading data for a page, mapping server issues to fields, moving focus. */

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** GET a path of this organisation's API; reloads when `path` changes. `null` loads nothing. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: path !== null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    request<T>(path, { signal: ctrl.signal }).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if ((error as Error).name !== 'AbortError') setState({ error, loading: false });
      },
    );
    return () => ctrl.abort();
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Server issues keyed by field path ("place.text" → "place"), first message wins. */
export function issuesByField(issues: Issue[], alias: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = alias[issue.path] ?? alias[issue.path.split('.')[0] ?? ''] ?? issue.path.split('.')[0] ?? '';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** Moves focus to an element after the next paint (for error summaries and result panels). */
export function focusSoon(id: string, frames = 30): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    // The element may be rendered a frame or two later (a render batched behind the state change): try again.
    if (!el) {
      if (frames > 0) focusSoon(id, frames - 1);
      return;
    }
    el.focus();
    el.scrollIntoView({ block: 'start' });
  });
}
