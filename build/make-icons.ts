// `npx tsx build/make-icons.ts`: draws build/icon.svg into every icon the installers need, so
// packaging never has to convert icons (electron-builder would download a converter for that):
//   build/icons/NxN.png  Linux (AppImage, deb: the hicolor theme sizes)
//   build/icon.ico       Windows (nsis installer, the .exe, file association)
//   build/icon.icns      macOS (dmg, the .app bundle)
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { icnsFile, icoFile } from './icon-formats';

const here = import.meta.dirname;
const svg = readFileSync(path.join(here, 'icon.svg'));
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  const png = new Map<number, Buffer>();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<body style="margin:0;background:transparent"><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${svg.toString('base64')}"></body>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    png.set(size, await page.screenshot({ omitBackground: true }));
  }
  mkdirSync(path.join(here, 'icons'), { recursive: true });
  for (const size of [16, 24, 32, 48, 64, 128, 256, 512])
    writeFileSync(path.join(here, 'icons', `${size}x${size}.png`), png.get(size) as Buffer);
  writeFileSync(path.join(here, 'icon.ico'), icoFile([16, 24, 32, 48, 64, 128, 256].map((s) => png.get(s) as Buffer)));
  writeFileSync(path.join(here, 'icon.icns'), icnsFile(png));
  console.log('wrote build/icons/*.png, build/icon.ico, build/icon.icns');
} finally {
  await browser.close();
}
