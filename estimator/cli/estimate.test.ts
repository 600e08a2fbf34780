import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCalibrations, fitCalibration, type Derivation, type EstimateWithConfidence } from '../confidence';
import { estimate } from '../training/estimate';
import { parseEstimateInput } from '../training/input';
import { isEstimateError } from '../training/types';
import { shippedCatalog } from './catalog';
import { parseArgs, run } from './estimate';

// The contract's example (../shared/contracts/examples/lora-7b.estimate.json), inline where that folder is absent.
const EXAMPLE = new URL('../../../shared/contracts/examples/lora-7b.estimate.json', import.meta.url);
const example = existsSync(EXAMPLE)
  ? readFileSync(EXAMPLE, 'utf8')
  : JSON.stringify({
      model: 'deepseek-llm-7b-base',
      method: 'lora',
      precision: 'bf16-mixed',
      seqLen: 2048,
      microBatch: 1,
      gpu: 'h100-sxm5-80gb',
      gpus: 1,
      trainingTokens: 1e8,
    });
const cli = (stdin: string, args: string[] = []) => {
  const r = spawnSync('npx', ['tsx', 'estimator/cli/estimate.ts', ...args], {
    input: stdin,
    encoding: 'utf8',
    cwd: new URL('../..', import.meta.url).pathname,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const one = JSON.parse(example) as Record<string, unknown>;

describe('npm run -s estimate', () => {
  it('answers one object with one estimate, exit 0', () => {
    const r = cli(example);
    expect(r.code).toBe(0);
    const e = JSON.parse(r.out) as { memory: { peakBytesPerGpu: number } };
    expect(e.memory.peakBytesPerGpu).toBeGreaterThan(25e9);
  });

  it('answers an array in order, a bad input as {"error"} in its place, exit 1', () => {
    const r = cli(JSON.stringify([one, { ...one, seqLen: -1 }, { ...one, gpu: 'nope' }]));
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as Record<string, unknown>[];
    expect(out).toHaveLength(3);
    expect(out[0]).toHaveProperty('memory');
    expect(out[1]).toEqual({ error: 'seqLen: must be a whole number of tokens from 1 to 10000000' });
    expect(out[2]?.error).toMatch(/^gpu: unknown GPU id "nope"/);
  });

  it('answers JSON lines with JSON lines', () => {
    const r = cli(`${JSON.stringify(one)}\n${JSON.stringify({ ...one, microBatch: 2 })}\n`);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(JSON.parse(l)).toHaveProperty('throughput.tokensPerSecond');
  });

  it('answers the additive fields: noteCodes beside notes, nodeMaxWatts bounding node power, a linkless GPU refused', () => {
    const big = { ...one, method: 'full', gpu: 'v100-sxm2-32gb', gpus: 8, nodeMaxWatts: 3200 };
    const r = cli(
      JSON.stringify([big, { ...one, gpu: 'jetson-agx-orin-64gb', gpus: 2 }, { ...one, nodeMaxWatts: -5 }]),
    );
    expect(r.code).toBe(1);
    const [e, jetson, bad] = JSON.parse(r.out) as Record<string, unknown>[];
    const notes = e!.notes as string[];
    const codes = e!.noteCodes as { code: string; params: Record<string, unknown> }[];
    expect(codes).toHaveLength(notes.length);
    expect(codes.map((c) => c.code)).toContain('precisionNoBf16');
    expect((e!.power as { nodeWatts: number }).nodeWatts).toBeLessThanOrEqual(3200);
    expect(jetson!.error).toMatch(/^gpus: NVIDIA Jetson AGX Orin 64GB has no GPU-to-GPU link: 1 module only/);
    expect(bad).toEqual({ error: 'nodeMaxWatts: must be watts per node from 1 to 1000000' });
  });

  it('exits 2 with a message on stderr when the input is not JSON', () => {
    const r = cli('this is not json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/not JSON/);
  });
});

describe('npm run -s estimate: accuracy bands, --explain, --calibrations', () => {
  const catalog = shippedCatalog();
  const parsed = parseEstimateInput(one);
  if (!parsed.ok) throw new Error(parsed.error);
  const plain = estimate(parsed.input, catalog);
  if (isEstimateError(plain)) throw new Error(plain.error);

  it('adds bands, ranges and fitsConfidence from the memory band; the contract fields are unchanged', () => {
    const out = JSON.parse(run(example, catalog).stdout) as EstimateWithConfidence & { derivations?: Derivation[] };
    expect(out.memory.peakBytesPerGpu).toBe(plain.memory.peakBytesPerGpu);
    expect(out.throughput.tokensPerSecond).toBe(plain.throughput.tokensPerSecond);
    expect(out.bands.memory).toMatchObject({ quantity: 'memory', regime: 'lora/no-recompute' });
    const [lo, hi] = out.ranges.peakBytesPerGpu;
    expect(lo).toBeLessThan(plain.memory.peakBytesPerGpu);
    expect(hi).toBeGreaterThan(plain.memory.peakBytesPerGpu);
    expect(out.memory.fitsConfidence).toBe('fits');
    expect(out.derivations).toBeUndefined();
  });

  it('reads its options; a bad one or a bad calibrations file is named', () => {
    expect(parseArgs(['--explain'], catalog)).toEqual({ ok: true, options: { explain: true } });
    expect(parseArgs(['--nope'], catalog)).toEqual({
      ok: false,
      error: '--nope: unknown option (allowed: --explain, --calibrations FILE)',
    });
    const bad = parseArgs(['--calibrations', 'x.json'], catalog, () => '{"format":"x"}');
    expect(bad.ok ? '' : bad.error).toMatch(/^--calibrations x\.json: format: must be "gpu-planner\.calibrations"/);
    expect(parseArgs(['--calibrations'], catalog)).toMatchObject({ ok: false });
  });

  it('applies a calibrations file and explains, from the command line', () => {
    const fitted = fitCalibration(parsed.input, { tokensPerSecond: plain.throughput.tokensPerSecond * 0.8 }, catalog, {
      id: 'ours',
      date: '2026-11-23',
    });
    if (!fitted.ok) throw new Error(fitted.errors.join());
    const dir = mkdtempSync(join(tmpdir(), 'gpu-planner-cal-'));
    const file = join(dir, 'calibrations.json');
    writeFileSync(file, exportCalibrations([fitted.calibration]));
    const r = cli(example, ['--explain', '--calibrations', file]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as EstimateWithConfidence & { derivations: Derivation[] };
    expect(out.throughput.tokensPerSecond).toBeCloseTo(plain.throughput.tokensPerSecond * 0.8, 6);
    expect(out.calibration).toMatchObject({ id: 'ours', date: '2026-11-23' });
    const tps = out.derivations.find((d) => d.id === 'throughput.tokensPerSecond');
    expect(tps?.value).toBe(out.throughput.tokensPerSecond);
  });
});
