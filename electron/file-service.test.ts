import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileService, safeFileName, scenarioFileName, type Dialogs, type FileFilter } from './file-service';
import { translator } from './messages';

let dir: string;
let remembered: string[];
let asked: { kind: 'open' | 'save'; title: string; filters: FileFilter[]; defaultPath?: string }[];
let answer: string | null;

const dialogs: Dialogs = {
  chooseFileToOpen: async (o) => {
    asked.push({ kind: 'open', ...o });
    return answer;
  },
  chooseFileToSave: async (o) => {
    asked.push({ kind: 'save', ...o });
    return answer;
  },
};
const service = () =>
  new FileService({
    dialogs,
    t: () => translator('en'),
    defaultFolder: () => dir,
    remember: (f) => remembered.push(f),
  });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'files-'));
  remembered = [];
  asked = [];
  answer = null;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('opening a scenario', () => {
  it('asks with the scenario and JSON filters, and returns its name, text and a token', async () => {
    const file = path.join(dir, 'q3.gpuplan.json');
    writeFileSync(file, '\uFEFF{"name":"Q3"}');
    answer = file;
    const files = service();
    const opened = await files.open();
    expect(asked[0]?.filters).toEqual([
      { name: 'GPU Planner scenario', extensions: ['gpuplan.json'] },
      { name: 'JSON', extensions: ['json'] },
    ]);
    expect(opened).toMatchObject({ name: 'q3.gpuplan.json', text: '{"name":"Q3"}' });
    expect(files.tokens.resolve(opened?.token ?? '')).toBe(file);
    expect(remembered).toEqual([file]);
  });

  it('returns nothing when the user cancels', async () => {
    expect(await service().open()).toBeNull();
    expect(remembered).toEqual([]);
  });

  it('says clearly why a file cannot be opened: missing, a folder, binary', async () => {
    const files = service();
    await expect(files.openPath(path.join(dir, 'gone.json'))).rejects.toThrow(
      'Could not open “gone.json”: the file or its folder does not exist',
    );
    mkdirSync(path.join(dir, 'folder.json'));
    await expect(files.openPath(path.join(dir, 'folder.json'))).rejects.toThrow('it is a folder');
    writeFileSync(path.join(dir, 'binary.json'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00]));
    await expect(files.openPath(path.join(dir, 'binary.json'))).rejects.toThrow(
      'Could not open “binary.json”: it is not a text file',
    );
    expect(remembered).toEqual([]);
  });
});

describe('saving a scenario', () => {
  it('writes the opened file again without asking', async () => {
    const file = path.join(dir, 'q3.gpuplan.json');
    writeFileSync(file, 'old');
    const files = service();
    const { token } = await files.openPath(file);
    const saved = await files.save({ token, suggestedName: 'ignored', text: 'new' });
    expect(asked).toEqual([]);
    expect(saved).toEqual({ token, name: 'q3.gpuplan.json' });
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('asks where to save a new document, offering its name in Documents, and adds the extension', async () => {
    answer = path.join(dir, 'my plan');
    const files = service();
    const saved = await files.save({ token: null, suggestedName: 'Q3: 8×H100?', text: '{}' });
    expect(asked[0]?.defaultPath).toBe(path.join(dir, 'Q3- 8×H100-.gpuplan.json'));
    expect(saved?.name).toBe('my plan.gpuplan.json');
    expect(readFileSync(path.join(dir, 'my plan.gpuplan.json'), 'utf8')).toBe('{}');
    expect(files.tokens.resolve(saved?.token ?? '')).toBe(path.join(dir, 'my plan.gpuplan.json'));
  });

  it('never writes to a path the renderer makes up: an unknown token means asking the user', async () => {
    const files = service();
    expect(await files.save({ token: path.join(dir, 'evil.json'), suggestedName: 'x', text: 'x' })).toBeNull();
    expect(asked).toHaveLength(1);
  });

  it('Save As starts from the current file and writes the new one, leaving the old', async () => {
    const file = path.join(dir, 'a.gpuplan.json');
    writeFileSync(file, 'a');
    const files = service();
    const { token } = await files.openPath(file);
    answer = path.join(dir, 'b.json');
    const saved = await files.saveAs({ token, suggestedName: 'a', text: 'b' });
    expect(asked[0]?.defaultPath).toBe(file);
    expect(saved?.name).toBe('b.json');
    expect(readFileSync(file, 'utf8')).toBe('a');
    expect(readFileSync(path.join(dir, 'b.json'), 'utf8')).toBe('b');
  });

  it('reports a failed write in words, naming the file', async () => {
    answer = path.join(dir, 'no-such-folder', 'x.gpuplan.json');
    await expect(service().save({ token: null, suggestedName: 'x', text: '{}' })).rejects.toThrow(
      'Could not save “x.gpuplan.json”: the file or its folder does not exist',
    );
  });
});

describe('exporting', () => {
  it('filters the dialog to the format and writes the bytes with its extension', async () => {
    answer = path.join(dir, 'comparison');
    const result = await service().export({
      format: 'xlsx',
      suggestedName: 'Q3 comparison',
      bytes: new Uint8Array([0x50, 0x4b, 3, 4]),
    });
    expect(asked[0]?.filters).toEqual([{ name: 'Excel workbook', extensions: ['xlsx'] }]);
    expect(asked[0]?.defaultPath).toBe(path.join(dir, 'Q3 comparison.xlsx'));
    expect(result).toEqual({ name: 'comparison.xlsx' });
    expect([...readFileSync(path.join(dir, 'comparison.xlsx'))]).toEqual([0x50, 0x4b, 3, 4]);
    expect(remembered).toEqual([]);
  });

  it('writes nothing when cancelled', async () => {
    expect(await service().export({ format: 'csv', suggestedName: 'x', bytes: new Uint8Array(1) })).toBeNull();
  });
});

describe('file names', () => {
  it('are safe on every system', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(safeFileName('  ..hidden.  ')).toBe('hidden');
    expect(safeFileName('...')).toBe('scenario');
  });

  it('end in .gpuplan.json exactly once', () => {
    expect(scenarioFileName('Q3')).toBe('Q3.gpuplan.json');
    expect(scenarioFileName('Q3.gpuplan.json')).toBe('Q3.gpuplan.json');
    expect(scenarioFileName('Q3.json')).toBe('Q3.gpuplan.json');
  });
});
