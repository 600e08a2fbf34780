import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHIPPED_SCENARIOS } from '../../../catalog/scenarios';
import { main } from '../../../estimator/cli/compare';
import { cleanUp, freshDatabase, openStores } from './test-support';

afterEach(cleanUp);

const SHIPPED = resolve(import.meta.dirname, '../../../catalog/scenarios');

/** What `npm run -s compare -- <file>` prints, parsed. */
async function cli(file: string): Promise<unknown> {
  const out = await main([file]);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout);
}

const asPrinted = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('the app shows what `npm run -s compare` prints', () => {
  for (const example of SHIPPED_SCENARIOS)
    it(`for the shipped example “${example.name}”, opened in the app and saved from it`, async () => {
      // Arrange: a fresh install (the catalog as IndexedDB holds it: the shipped rows).
      const { scenarios } = await openStores(await freshDatabase());

      // Act: open the example as the user's copy; compare in the app; save it to a file.
      scenarios.openExample(example.file);
      await scenarios.settled();
      const saved = join(mkdtempSync(join(tmpdir(), 'scenario-parity-')), 'saved.gpuplan.json');
      writeFileSync(saved, scenarios.serialize());

      // Assert: every number of every row, the ranking, notes and cost lines are the command line's.
      expect(scenarios.errors).toEqual({});
      expect(scenarios.comparison?.rows.length).toBeGreaterThan(0);
      const shown = asPrinted(scenarios.comparison);
      expect(shown).toEqual(await cli(join(SHIPPED, example.file)));
      expect(shown).toEqual(await cli(saved));
    });
});
