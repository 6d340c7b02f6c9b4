// Options of the form `--name value` for the commands under tools/.

/** `--name value` as a string, or the fallback when not given. */
export function stringOption(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

/** `--name value` as a number, or the fallback when not given. */
export function numberOption(name: string, fallback: number): number {
  return Number(stringOption(name, String(fallback)));
}
