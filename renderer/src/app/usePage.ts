import { useEffect, useState } from 'react';

/** The current screen lives in the URL hash, so a reload (and an e2e test) lands where it was. */
export function usePage(ids: string[], fallback: string): [string, (id: string) => void] {
  const read = () => {
    const id = globalThis.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
    return ids.includes(id) ? id : fallback;
  };
  const [page, setPage] = useState(read);
  useEffect(() => {
    const onHash = () => setPage(read());
    globalThis.addEventListener('hashchange', onHash);
    return () => globalThis.removeEventListener('hashchange', onHash);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids.join()]);
  return [page, (id: string) => (globalThis.location.hash = `#${id}`)];
}
