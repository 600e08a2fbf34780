import { BrowserPlatform } from './browser';
import { DesktopPlatform } from './desktop';
import type { Platform } from './types';

/** The desktop implementation where the preload exposed `window.planner`, else the browser build's. */
export function createPlatform(win: Window = window): Platform {
  return win.planner ? new DesktopPlatform(win.planner) : new BrowserPlatform(win);
}
