import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rule must fail `npm test`, so prove it fires on code that breaks it.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('import boundaries (arrows point inward)', () => {
  it.each([
    { what: 'react', code: "import { useState } from 'react';\nexport const x = useState;\n" },
    { what: 'dexie', code: "import Dexie from 'dexie';\nexport const x = Dexie;\n" },
    { what: 'electron', code: "import { app } from 'electron';\nexport const x = app;\n" },
    { what: 'node:fs', code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n" },
    { what: 'the renderer', code: "import { db } from '../../renderer/src/db/database';\nexport const x = db;\n" },
  ])('estimator/ may not import $what', async ({ code, what }) => {
    const errors = await restrictedImportErrors(code, 'estimator/training/boundary-fixture.ts');
    expect(errors.length, `importing ${what} from estimator/ should be an error`).toBeGreaterThan(0);
  });

  it('catalog/ may not import the UI', async () => {
    const errors = await restrictedImportErrors(
      "import { observable } from 'mobx';\nexport const x = observable;\n",
      'catalog/boundary-fixture.ts',
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('electron/ may not import the renderer', async () => {
    const errors = await restrictedImportErrors(
      "import { App } from '../renderer/src/app/App';\nexport const x = App;\n",
      'electron/boundary-fixture.ts',
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('the renderer may not import Electron or Node', async () => {
    const code =
      "import { ipcRenderer } from 'electron';\nimport { readFileSync } from 'node:fs';\nexport const x = [ipcRenderer, readFileSync];\n";
    const errors = await restrictedImportErrors(code, 'renderer/src/boundary-fixture.ts');
    expect(errors.length).toBe(2);
  });

  it('allows what the layering allows', async () => {
    expect(
      await restrictedImportErrors(
        "import { z } from 'zod';\nexport const x = z;\n",
        'estimator/training/boundary-fixture.ts',
      ),
    ).toEqual([]);
    expect(
      await restrictedImportErrors(
        "import { loadShippedGpus } from '../../catalog';\nexport const x = loadShippedGpus;\n",
        'renderer/src/boundary-fixture.ts',
      ),
    ).toEqual([]);
    expect(
      await restrictedImportErrors(
        "import type { PlannerApi } from '../../../electron/api';\nexport type X = PlannerApi;\n",
        'renderer/src/platform/boundary-fixture.ts',
      ),
    ).toEqual([]);
  });

  it('the renderer may import the preload API only as a type', async () => {
    const code = "import { channels } from '../../../electron/api';\nexport const x = channels;\n";
    expect(await restrictedImportErrors(code, 'renderer/src/platform/boundary-fixture.ts')).toHaveLength(1);
  });
});
