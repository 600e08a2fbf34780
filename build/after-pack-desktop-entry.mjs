// Used only by build/electron-builder.test.ts (`-c.afterPack=…`): the `dir` target installs no
// desktop integration, so this asks electron-builder for what its AppImage and deb targets would
// install — the .desktop entry, the MIME type file and the icon set — and leaves them beside the
// packed app for the test to read. It runs electron-builder's own code on our configuration.
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper.js';

export default async function writeDesktopIntegration(context) {
  const helper = new LinuxTargetHelper(context.packager);
  const options = context.packager.platformSpecificBuildOptions;
  await writeFile(path.join(context.outDir, 'gpu-planner.desktop'), await helper.computeDesktopEntry(options));
  const mime = await helper.mimeTypeFiles;
  if (mime) await copyFile(mime, path.join(context.outDir, 'mime.xml'));
  const icons = await helper.icons;
  await writeFile(
    path.join(context.outDir, 'icons.json'),
    JSON.stringify(icons.map((i) => ({ file: i.file, size: i.size }))),
  );
}
