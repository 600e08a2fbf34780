// `npm start`: build, then open the desktop app; where Electron's binary can't be had, serve the
// same renderer in the browser on 127.0.0.1 (same code, IndexedDB works there too).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from './electron-binary';

const PORT = Number(process.env.PORT ?? 5173);
const run = (cmd: string, args: string[]) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('node', ['scripts/build-electron.mjs']);

let electron = findElectronBinary();
if (!electron.path && electron.packageDir && process.env.GPU_PLANNER_NO_ELECTRON_DOWNLOAD !== '1') {
  // npm 11 skips dependency install scripts unless allowed: fetch the binary now (needs internet, once).
  console.log("Fetching Electron's binary (one time)…");
  spawnSync('node', [path.join(electron.packageDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  electron = findElectronBinary();
}

if (electron.path) {
  const child = spawn(electron.path, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    `Electron is not available here (${electron.reason}); serving GPU Planner at http://127.0.0.1:${PORT} — open it in your browser.`,
  );
  const child = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
