import { useEffect, useState } from 'react';

/** The current time in ms, refreshed every `intervalMs`, so "overdue" flips without a reload. */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}
