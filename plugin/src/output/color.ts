// ANSI colour for terminal output, on only for a TTY and when NO_COLOR (no-color.org) is unset or
// empty. Shared by every command that prints for people.

export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  green(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

const sgr = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const identity = (text: string) => text;

export const COLORS: Palette = {
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39),
  green: sgr(32, 39),
  bold: sgr(1, 22),
  dim: sgr(2, 22),
};

export const NO_COLORS: Palette = { red: identity, yellow: identity, cyan: identity, green: identity, bold: identity, dim: identity };

export function paletteFor(enabled: boolean): Palette {
  return enabled ? COLORS : NO_COLORS;
}
