import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// electron-builder's own asar reader (a dependency of it): reads the archive without unpacking it.
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICNS_TYPES, pngSize, readIco, readIcns } from './icon-formats';

// Electron's binary cannot be downloaded here, so package against a stand-in executable:
// this checks the configuration and what goes into the app, offline, in a few seconds.
const work = mkdtempSync(path.join(tmpdir(), 'gpu-planner-pack-'));
const out = path.join(work, 'release');
const unpacked = path.join(out, 'linux-unpacked');
let asarEntries: string[] = [];
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];
const archive = () => path.join(unpacked, 'resources/app.asar');
const readAsar = (entry: string) => extractFile(archive(), entry);

beforeAll(() => {
  if (!existsSync('dist/renderer/index.html')) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn']);
  if (!existsSync('dist-electron/main.cjs')) execFileSync('node', ['scripts/build-electron.mjs']);
  const stub = path.join(work, 'electron-dist');
  mkdirSync(stub);
  // A stand-in carries Electron's fuse wire (sentinel, version 1, 8 fuses at Electron's defaults) so
  // the fuses the configuration flips can be read back from the packed executable.
  writeFileSync(path.join(stub, 'electron'), `#!/bin/sh\necho stand-in\n# ${FUSE_SENTINEL}\x01\x0810110001\n`);
  chmodSync(path.join(stub, 'electron'), 0o755);
  execFileSync(
    'npx',
    [
      'electron-builder',
      '--linux',
      'dir',
      '--config',
      'build/electron-builder.yml',
      `-c.electronDist=${stub}`,
      `-c.directories.output=${out}`,
      '-c.afterPack=build/after-pack-desktop-entry.mjs',
    ],
    { stdio: 'pipe' },
  );
  asarEntries = listPackage(archive(), { isPack: false });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('electron-builder packaging (Linux dir target, stand-in Electron)', () => {
  it('produces the executable named after the product and an app.asar', () => {
    expect(existsSync(path.join(unpacked, 'gpu-planner'))).toBe(true);
    expect(existsSync(path.join(unpacked, 'resources/app.asar'))).toBe(true);
  });

  it('flips the Electron fuses: no running as Node, no NODE_OPTIONS or --inspect, the app only from app.asar', () => {
    const binary = readFileSync(path.join(unpacked, 'gpu-planner'), 'latin1');
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    const wire = binary.slice(at + 2, at + 2 + FUSES.length);
    const fuses = Object.fromEntries(FUSES.map((name, i) => [name, wire[i] === '1']));
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: false,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: true,
    });
  });

  it('packs the built renderer, the main and preload bundles and the catalog, and no source maps or node_modules', () => {
    expect(asarEntries).toContain('/dist/renderer/index.html');
    expect(asarEntries.some((e) => /^\/dist\/renderer\/assets\/index-[\w-]+\.js$/.test(e))).toBe(true);
    expect(asarEntries).toContain('/dist-electron/main.cjs');
    expect(asarEntries).toContain('/dist-electron/preload.cjs');
    expect(asarEntries).toContain('/catalog/gpus.json');
    expect(asarEntries).toContain('/package.json');
    expect(asarEntries.some((e) => e.endsWith('.map'))).toBe(false);
    expect(asarEntries.some((e) => e.startsWith('/node_modules'))).toBe(false);
    // Sources, tests and the build's own files stay out of what users install.
    expect(asarEntries.some((e) => /^\/(electron|renderer|e2e|build|scripts|estimator)\//.test(e))).toBe(false);
  });

  it('points package.json main at the bundled main process', () => {
    const pkg = JSON.parse(readAsar('package.json').toString()) as { main: string };
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(asarEntries).toContain(`/${pkg.main}`);
  });

  it('ships a renderer page with the strict CSP and relative asset paths (it loads from app://)', () => {
    const html = readAsar('dist/renderer/index.html').toString();
    expect(html).toMatch(/Content-Security-Policy"\s+content="default-src 'self'; script-src 'self';/);
    expect(html).not.toMatch(/unsafe-eval/);
    expect(html).toMatch(/src="\.\/assets\//);
  });

  it('registers .gpuplan.json files with the desktop (the .desktop entry and MIME type the AppImage and deb install)', () => {
    const entry = readFileSync(path.join(out, 'gpu-planner.desktop'), 'utf8');
    expect(entry).toContain('Name=GPU Planner');
    expect(entry).toMatch(/^Exec=.*\/gpu-planner"? %U$/m);
    expect(entry).toContain('MimeType=application/x-gpu-planner-scenario+json;');
    expect(entry).toContain('Categories=Science;');
    const mime = readFileSync(path.join(out, 'mime.xml'), 'utf8');
    expect(mime).toContain('<mime-type type="application/x-gpu-planner-scenario+json">');
    expect(mime).toContain('<glob pattern="*.gpuplan.json"/>');
  });

  it('finds the Linux icon set without converting anything, up to 512 px', () => {
    const icons = JSON.parse(readFileSync(path.join(out, 'icons.json'), 'utf8')) as { file: string; size: number }[];
    expect(icons.map((i) => i.size)).toEqual([16, 24, 32, 48, 64, 128, 256, 512]);
    expect(icons.every((i) => i.file.startsWith(path.resolve('build/icons')))).toBe(true);
  });

  it('builds an installer for each platform, and publishes nothing', () => {
    const yml = readFileSync('build/electron-builder.yml', 'utf8');
    // The block of a top-level key: its indented lines up to the next top-level key.
    const section = (key: string) => new RegExp(`^${key}:\\n((?:[ #].*\\n)*)`, 'm').exec(yml)?.[1] ?? '';
    expect(section('linux')).toMatch(/^ {2}target: \[AppImage, deb\]$/m);
    expect(section('win')).toMatch(/^ {2}target: \[nsis\]$/m);
    expect(section('mac')).toMatch(/^ {2}target: \[dmg\]$/m);
    expect(yml).toMatch(/^publish: null$/m);
  });

  it('ships the icon each installer needs: a Windows .ico and a macOS .icns holding PNG images', () => {
    const ico = readIco(readFileSync('build/icon.ico'));
    expect(ico.map((i) => i.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const image of ico) expect(pngSize(image.data).width).toBe(image.size);
    const icns = readIcns(readFileSync('build/icon.icns'));
    expect(icns.map((e) => e.type)).toEqual(ICNS_TYPES.map(([type]) => type));
    for (const entry of icns) {
      const pixels = ICNS_TYPES.find(([type]) => type === entry.type)?.[1];
      expect(pngSize(entry.data)).toEqual({ width: pixels, height: pixels });
    }
  });

  it('packs a package.json with the Linux desktop name and without the development scripts and dependencies', () => {
    const pkg = JSON.parse(readAsar('package.json').toString()) as Record<string, unknown>;
    expect(pkg.desktopName).toBe('gpu-planner.desktop');
    expect(pkg.scripts).toBeUndefined();
    expect(pkg.devDependencies).toBeUndefined();
  });
});
