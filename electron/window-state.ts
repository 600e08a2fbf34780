import { z } from 'zod';

/** Where the window was when it last closed (userData/window-state.json). */
export const windowStateSchema = z.strictObject({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(200).max(100_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1400, height: 900 };
export const MIN_SIZE = { width: 900, height: 600 };
// Enough of the title bar must be on a screen to grab it and drag the window back.
const MIN_VISIBLE = { width: 160, height: 60 };

/**
 * The bounds to open the window with: the saved ones when they still land on one of the screens
 * (a monitor may have been unplugged since), shrunk to fit that screen; otherwise the default
 * size, centred on the primary screen. `displays` are work areas, the primary one first.
 */
export function restoreWindowState(saved: WindowState | null, displays: readonly Rect[]): WindowState {
  const primary = displays[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  if (saved) {
    const screen = displays.find((d) => visibleArea(saved, d) >= MIN_VISIBLE.width * MIN_VISIBLE.height);
    if (screen) {
      const width = Math.min(saved.width, screen.width);
      const height = Math.min(saved.height, screen.height);
      const x = clamp(saved.x, screen.x - width + MIN_VISIBLE.width, screen.x + screen.width - MIN_VISIBLE.width);
      const y = clamp(saved.y, screen.y, screen.y + screen.height - MIN_VISIBLE.height);
      return { x, y, width, height, maximized: saved.maximized };
    }
  }
  const width = Math.min(DEFAULT_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_SIZE.height, primary.height);
  return {
    x: primary.x + Math.round((primary.width - width) / 2),
    y: primary.y + Math.round((primary.height - height) / 2),
    width,
    height,
    maximized: false,
  };
}

function visibleArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
