import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, restoreWindowState, windowStateSchema } from './window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window position and size', () => {
  it('comes back where it was when that place is still on a screen', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, maximized: true };
    expect(restoreWindowState(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('opens centred on the primary screen when its monitor was unplugged', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false };
    expect(restoreWindowState(saved, [laptop])).toEqual({
      x: (1920 - DEFAULT_SIZE.width) / 2,
      y: (1040 - DEFAULT_SIZE.height) / 2,
      ...DEFAULT_SIZE,
      maximized: false,
    });
  });

  it('shrinks to the screen and pulls the title bar back on screen', () => {
    const restored = restoreWindowState({ x: -300, y: -50, width: 3000, height: 2000, maximized: false }, [laptop]);
    expect(restored.width).toBe(1920);
    expect(restored.height).toBe(1040);
    expect(restored.y).toBe(0);
    expect(restored.x).toBeGreaterThanOrEqual(-1920 + 160);
  });

  it('uses the default when nothing was saved, fitting a small screen', () => {
    expect(restoreWindowState(null, [{ x: 0, y: 0, width: 1280, height: 720 }])).toEqual({
      x: 0,
      y: 0,
      width: 1280,
      height: 720,
      maximized: false,
    });
  });

  it('refuses a file that is not a window state', () => {
    expect(windowStateSchema.safeParse({ x: 0, y: 0, width: 10, height: 900, maximized: false }).success).toBe(false);
    expect(windowStateSchema.safeParse({ x: 'a', y: 0, width: 1000, height: 900, maximized: false }).success).toBe(
      false,
    );
    expect(windowStateSchema.safeParse({ x: 0, y: 0, width: 1000, height: 900 }).success).toBe(false);
    expect(windowStateSchema.safeParse({ x: 0.5, y: 0, width: 1000, height: 900, maximized: false }).success).toBe(
      false,
    );
  });
});
