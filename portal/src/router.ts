import { useEffect, useState } from 'react';

export type PageId = 'dashboard' | 'protect' | 'jobs' | 'recovery-points' | 'restore';

export interface Route {
  page: PageId;
  params: Record<string, string>;
}

const PAGES: PageId[] = ['dashboard', 'protect', 'jobs', 'recovery-points', 'restore'];

/** Hash routes (`#/jobs?tenant=…`) so any static host serves every page from index.html. */
export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const page = (PAGES as string[]).includes(path) ? (path as PageId) : 'dashboard';
  return { page, params: Object.fromEntries(new URLSearchParams(query)) };
}

export function href(page: PageId, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return `#/${page}${query ? `?${query}` : ''}`;
}

export function navigate(page: PageId, params: Record<string, string | undefined> = {}): void {
  location.hash = href(page, params);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
