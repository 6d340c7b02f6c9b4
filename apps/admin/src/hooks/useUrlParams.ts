import { useCallback, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';

/** How an edit changes the URL parameters: `null` or `''` removes one. */
export type UrlParamChanges = Record<string, string | null>;

/**
 * The page's URL parameters and an editor that replaces them in place (no history entry).
 *
 * React Router's own functional `setSearchParams` hands every call the parameters of the last
 * render, so two edits before a re-render (two selects changed in quick succession) keep only the
 * second. Here each edit builds on the previous edit until the URL catches up.
 */
export function useUrlParams(): [URLSearchParams, (changes: UrlParamChanges, alsoRemove?: readonly string[]) => void] {
  const [params, setParams] = useSearchParams();
  const rendered = useRef(params);
  const pending = useRef(params);
  // The router memoizes `params` per URL: a new object means the URL moved, and pending edits are in it.
  if (rendered.current !== params) {
    rendered.current = params;
    pending.current = params;
  }
  const edit = useCallback(
    (changes: UrlParamChanges, alsoRemove: readonly string[] = []) => {
      const next = new URLSearchParams(pending.current);
      for (const [name, value] of Object.entries(changes)) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
      for (const name of alsoRemove) next.delete(name);
      pending.current = next;
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [params, edit];
}
