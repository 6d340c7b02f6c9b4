/**
 * A progress bar on a stream (stderr): one line redrawn in place on a terminal; elsewhere (a log,
 * CI) a plain line at every tenth of the way, so logs stay readable.
 */
export interface ProgressBar {
  update(done: number, total: number): void;
  /** Ends the line. */
  finish(): void;
}

const WIDTH = 30;

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr, now: () => number = () => performance.now()): ProgressBar {
  const started = now();
  let lastTenth = -1;
  let drawn = false;
  const line = (done: number, total: number) => {
    const ratio = total > 0 ? Math.min(done / total, 1) : 1;
    const filled = Math.round(ratio * WIDTH);
    const seconds = (now() - started) / 1000;
    const eta = ratio > 0 && ratio < 1 ? `, about ${Math.round((seconds / ratio) * (1 - ratio))} s left` : '';
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(ratio * 100).toFixed(1)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${seconds.toFixed(1)} s${eta})`;
  };
  return {
    update(done, total) {
      if (stream.isTTY) {
        stream.write(`\r${line(done, total)}\u001b[K`);
        drawn = true;
        return;
      }
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`${line(done, total)}\n`);
    },
    finish() {
      if (stream.isTTY && drawn) stream.write('\n');
    },
  };
}
