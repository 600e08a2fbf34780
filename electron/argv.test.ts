import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioPathsFromArgv } from './argv';

const cwd = path.resolve('/home/ana/plans');

describe('files named on the command line', () => {
  it('takes a scenario file after the packaged executable, resolved against the launch folder', () => {
    expect(scenarioPathsFromArgv(['/opt/GPU Planner/gpu-planner', 'q3.gpuplan.json'], cwd)).toEqual([
      path.join(cwd, 'q3.gpuplan.json'),
    ]);
  });

  it('skips Chromium switches and the app folder in development', () => {
    const argv = ['/usr/bin/electron', '--inspect=0', '.', '--no-sandbox', '/tmp/a.json', '--allow-file-access'];
    expect(scenarioPathsFromArgv(argv, cwd)).toEqual([path.resolve('/tmp/a.json')]);
  });

  it('accepts file:// URLs, as Linux file managers pass them (%U)', () => {
    const file = path.resolve('/home/ana/My Plans/x.gpuplan.json');
    expect(scenarioPathsFromArgv(['gpu-planner', pathToFileURL(file).href], cwd)).toEqual([file]);
  });

  it('ignores other URLs, other file types and repeats', () => {
    const argv = ['gpu-planner', 'https://example.com/a.json', 'notes.txt', 'a.JSON', './a.JSON'];
    expect(scenarioPathsFromArgv(argv, cwd)).toEqual([path.join(cwd, 'a.JSON')]);
  });

  it('finds nothing in a plain launch', () => {
    expect(scenarioPathsFromArgv(['gpu-planner'], cwd)).toEqual([]);
    expect(scenarioPathsFromArgv([], cwd)).toEqual([]);
  });
});
