import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../api/client';

export interface Loadable<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload: () => void;
}

/** GETs `path` (skipped while it is undefined); `reload` fetches again. */
export function useApi<T>(path: string | undefined): Loadable<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({
    loading: Boolean(path),
  });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!path) {
      setState({ loading: false });
      return;
    }
    let live = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    api<T>(path).then(
      (response) => live && setState({ data: response.body, loading: false }),
      (error: unknown) => live && setState({ error: errorMessage(error), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

/** Calls `tick` every `ms` while `active`; stops when it returns true. */
export function usePolling(active: boolean, ms: number, tick: () => Promise<boolean>): void {
  const tickRef = useRef(tick);
  tickRef.current = tick;
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      let done = false;
      try {
        done = await tickRef.current();
      } catch {
        done = true;
      }
      if (!done && !stopped) timer = setTimeout(run, ms);
    };
    void run();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [active, ms]);
}
