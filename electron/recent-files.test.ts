import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addRecent, MAX_RECENT, recentFilesSchema, recentLabels } from './recent-files';

const abs = (p: string) => path.resolve(p);

describe('recent files', () => {
  it('puts the file just opened first, once', () => {
    const list = addRecent([abs('/a.json'), abs('/b.json')], '/b.json', 'linux');
    expect(list).toEqual([abs('/b.json'), abs('/a.json')]);
  });

  it(`keeps at most ${MAX_RECENT}`, () => {
    let list: string[] = [];
    for (let i = 0; i < 15; i++) list = addRecent(list, `/plans/${i}.json`, 'linux');
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe(abs('/plans/14.json'));
  });

  it('treats names differing only in case as one file on Windows and macOS, two on Linux', () => {
    expect(addRecent([abs('/Plans/A.json')], '/plans/a.json', 'win32')).toHaveLength(1);
    expect(addRecent([abs('/Plans/A.json')], '/plans/a.json', 'darwin')).toHaveLength(1);
    expect(addRecent([abs('/Plans/A.json')], '/plans/a.json', 'linux')).toHaveLength(2);
  });

  it('names files by their name, adding the folder when two share a name', () => {
    expect(recentLabels(['/x/plan.json', '/y/plan.json', '/y/other.json'])).toEqual([
      `plan.json — ${path.dirname('/x/plan.json')}`,
      `plan.json — ${path.dirname('/y/plan.json')}`,
      'other.json',
    ]);
  });

  it('refuses a malformed list file', () => {
    expect(recentFilesSchema.safeParse({ files: ['/a.json'] }).success).toBe(true);
    expect(recentFilesSchema.safeParse({ files: [''] }).success).toBe(false);
    expect(recentFilesSchema.safeParse(['/a.json']).success).toBe(false);
  });
});
