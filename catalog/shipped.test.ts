import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CatalogError, loadShippedCatalog, SHIPPED_FILES } from './index';
import { flattenRow, getPath, isPlainObject } from './paths';
import { cloudOfferSchema } from './schema/cloud-offer';
import { networkFieldsSchema } from './schema/network';
import { systemSchema } from './schema/system';
import { TABLE_KINDS, TABLES } from './tables';
import { columnsOf } from './io/columns';

const catalog = loadShippedCatalog();
const { gpus, systems, cloudOffers, networks, facilities } = catalog.tables;
const gpu = (id: string) => gpus.find((g) => g.id === id);

/** Every {amount, currency, asOf, source} object in a row, by path. */
function prices(row: object): { path: string; value: Record<string, unknown> }[] {
  const paths = new Set(
    Object.keys(flattenRow(row as Record<string, unknown>))
      .filter((p) => p.endsWith('.amount'))
      .map((p) => p.slice(0, -'.amount'.length)),
  );
  return [...paths].map((path) => ({ path, value: getPath(row, path) as Record<string, unknown> }));
}

describe('shipped catalog', () => {
  it('validates every table and carries a version and date', () => {
    expect(catalog.version).toMatch(/^\d{4}\.\d{2}\.\d{2}$/);
    expect(catalog.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('holds the counts the issue asks for', () => {
    expect(gpus.length).toBeGreaterThanOrEqual(30);
    expect(cloudOffers.length).toBeGreaterThanOrEqual(40);
    expect(systems.length).toBeGreaterThanOrEqual(15);
    expect(networks.length).toBeGreaterThanOrEqual(8);
  });

  it('keeps the GPU ids the estimator and its contract rely on', () => {
    for (const id of [
      'v100-sxm2-32gb',
      'a100-sxm4-40gb',
      'a100-sxm4-80gb',
      'h100-sxm5-80gb',
      'h100-pcie-80gb',
      'h200-sxm-141gb',
      'h800-sxm-80gb',
      'rtx-4090-24gb',
      'l40s-48gb',
    ])
      expect(gpu(id), id).toBeDefined();
  });

  it('has the GPUs the issue lists', () => {
    const names = gpus.map((g) => g.name).join('\n');
    for (const name of [
      'V100 PCIe 16GB',
      'V100 PCIe 32GB',
      'V100 SXM2 16GB',
      'V100 SXM2 32GB',
      'A100 PCIe 40GB',
      'A100 PCIe 80GB',
      'A100 SXM4 40GB',
      'A100 SXM4 80GB',
      'A800 PCIe',
      'A800 SXM4',
      'H100 PCIe',
      'H100 SXM5',
      'H100 NVL',
      'H800',
      'H20',
      'H200 SXM',
      'H200 NVL',
      'B200',
      'GB200',
      'L4 ',
      'L40S',
      'A10 ',
      'T4 ',
      'RTX 3090',
      'RTX 4090',
      'RTX 5090',
      'RTX 6000 Ada',
      'MI250X',
      'MI300X',
      'MI325X',
      'Jetson AGX Orin 64GB',
    ])
      expect(names, name).toContain(name);
  });

  it('has cloud offers from every provider the issue names, and the instances comparisons need', () => {
    const providers = new Set(cloudOffers.map((o) => o.provider));
    for (const p of ['aws', 'azure', 'gcp', 'alibaba', 'tencent', 'lambda', 'coreweave', 'runpod', 'vast'])
      expect(providers, p).toContain(p);
    const names = cloudOffers.map((o) => o.name);
    for (const n of [
      'p4d.24xlarge',
      'p5.48xlarge',
      'Standard_ND96asr_v4 (NDv4)',
      'Standard_ND96isr_H100_v5',
      'GN10Xp.20XLARGE320',
    ])
      expect(names, n).toContain(n);
  });

  it('has the systems the issue lists, used V100 servers included', () => {
    const byGpu = (prefix: string) => systems.filter((s) => s.gpu.startsWith(prefix) && s.gpusPerNode >= 8);
    for (const prefix of ['v100', 'a100', 'h100', 'h200', 'b200'])
      expect(byGpu(prefix).length, prefix).toBeGreaterThan(0);
    const usedV100 = systems.filter((s) => s.gpu.startsWith('v100') && s.condition === 'used');
    expect(usedV100.length).toBeGreaterThanOrEqual(2);
    expect(systems.some((s) => s.gpusPerNode === 4 && s.form === 'rackmount')).toBe(true);
    expect(systems.some((s) => s.gpu === 'rtx-4090-24gb' && s.form === 'tower')).toBe(true);
    expect(systems.some((s) => s.gpu === 'rtx-6000-ada-48gb' && s.form === 'tower')).toBe(true);
  });

  it('has networks and facility figures for every kind the planner needs', () => {
    const ids = new Set(networks.map((n) => n.interconnect));
    for (const id of [
      'infiniband-hdr',
      'infiniband-ndr',
      'roce-100g',
      'roce-200g',
      'roce-400g',
      'ethernet-10g',
      'ethernet-25g',
      'ethernet-100g',
    ] as const)
      expect(ids, id).toContain(id);
    expect(networks.some((n) => n.layer === 'scale-up' && n.name.includes('NVLink'))).toBe(true);
    const kinds = (k: string) => facilities.filter((f) => f.kind === k);
    const regions = kinds('electricity').map((f) => (f as { region: string }).region);
    expect(regions).toContain('United States');
    expect(regions).toContain('European Union');
    expect(regions).toContain('China');
    expect(new Set(kinds('pue').map((f) => (f as { cooling: string }).cooling))).toEqual(
      new Set(['air', 'rear-door', 'liquid']),
    );
    expect(kinds('colocation').length).toBeGreaterThan(0);
    expect(new Set(kinds('rack-density').map((f) => (f as { cooling: string }).cooling))).toEqual(
      new Set(['air', 'liquid']),
    );
    expect(new Set(kinds('finance-default').map((f) => (f as { parameter: string }).parameter))).toEqual(
      new Set(['supportRatePerYear', 'depreciationYears', 'residualValueRate']),
    );
  });

  it('dates and sources every price, and labels estimates as such', () => {
    let count = 0;
    for (const kind of TABLE_KINDS)
      for (const row of catalog.tables[kind])
        for (const { path, value } of prices(row)) {
          count++;
          const where = `${kind} ${row.id} ${path}`;
          expect(typeof value.amount, where).toBe('number');
          expect(typeof value.currency, where).toBe('string');
          expect(value.asOf, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(String(value.source).length, where).toBeGreaterThan(10);
        }
    expect(count).toBeGreaterThan(150);
    const tencent = cloudOffers.find((o) => o.name === 'GN10Xp.20XLARGE320');
    expect(tencent?.prices['on-demand']?.currency).toBe('CNY');
    expect(tencent?.prices['on-demand']?.source).toMatch(/^estimate: /);
  });

  it('never lists a GPU or system by a reference the catalog lacks', () => {
    const ids = new Set(gpus.map((g) => g.id));
    for (const row of [...systems, ...cloudOffers]) expect(ids, row.id).toContain(row.gpu);
  });

  it('does not repeat the seed articles’ mistakes', () => {
    expect(gpu('h100-sxm5-80gb')?.tflops.fp16).toBe(989.4); // not the sparse 1979
    expect(gpu('rtx-4090-24gb')?.tflops.fp16).toBe(165.2); // not the FP32 82.6
    const orin = gpu('jetson-agx-orin-64gb');
    expect(orin?.memoryGB).toBe(64);
    expect(orin?.link.kind).toBe('unified');
    expect(gpu('v100-sxm2-32gb')?.priceUsed?.amount).toBeLessThan(1000); // not "$3,000 each"
    expect(gpu('v100-sxm2-16gb')?.priceUsed?.amount).toBeLessThan(1000);
    const bw = (id: string) => gpu(id)?.memoryBandwidthTBs ?? 0;
    expect(bw('h100-sxm5-80gb')).toBeGreaterThan(bw('mi250x-128gb'));
    expect(bw('mi250x-128gb')).toBeGreaterThan(bw('a100-sxm4-80gb'));
    for (const s of systems.filter((s) => s.gpu.startsWith('a100'))) expect(s.cooling, s.id).toBe('air');
  });

  it('keeps FP8 at most twice FP16, as dense figures are (a sparse number would break it)', () => {
    // A dense FP8 figure above twice the dense FP16 one means a sparse number slipped in.
    for (const g of gpus)
      if (g.tflops.fp8 !== null) expect(g.tflops.fp8, g.id).toBeLessThanOrEqual(2 * g.tflops.fp16 * 1.02);
  });
});

describe('catalog schemas and the scenario contract', () => {
  const example = JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../../shared/contracts/examples/lora-7b.scenario.json', import.meta.url)),
      'utf8',
    ),
  ) as { options: { system?: unknown; offer?: unknown; network?: unknown }[] };

  it('accept the fields of the contract’s inline systems and offers under the same names and types', () => {
    const systemPart = systemSchema.pick({
      name: true,
      gpu: true,
      gpusPerNode: true,
      condition: true,
      price: true,
      powerWatts: true,
      rackUnits: true,
    });
    const offerPart = cloudOfferSchema.pick({
      provider: true,
      name: true,
      region: true,
      gpu: true,
      gpusPerInstance: true,
      interconnect: true,
      prices: true,
    });
    for (const option of example.options) {
      if (option.system) expect(systemPart.safeParse(option.system).error?.issues).toBeUndefined();
      if (option.offer) expect(offerPart.safeParse(option.offer).error?.issues).toBeUndefined();
    }
    const network = {
      name: 'InfiniBand HDR fabric',
      interconnect: 'infiniband-hdr',
      pricePerNode: { amount: 9000, currency: 'USD', asOf: '2026-10-01', source: 'quote' },
    };
    expect(
      networkFieldsSchema.pick({ name: true, interconnect: true, pricePerNode: true }).safeParse(network).success,
    ).toBe(true);
  });

  it('never make a field both optional and nullable, so an empty CSV cell has one meaning', () => {
    const optionalNullable = (s: z.ZodType, path: string): string[] => {
      const def = (
        s as unknown as {
          def: { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; options?: z.ZodType[] };
        }
      ).def;
      if (def.type === 'optional' && def.innerType) {
        const inner = (def.innerType as unknown as { def: { type: string } }).def.type;
        return inner === 'nullable' ? [path] : optionalNullable(def.innerType, path);
      }
      if (def.type === 'nullable' && def.innerType) {
        const inner = (def.innerType as unknown as { def: { type: string } }).def.type;
        return inner === 'optional' ? [path] : optionalNullable(def.innerType, path);
      }
      if (def.type === 'object')
        return Object.entries(def.shape ?? {}).flatMap(([k, v]) => optionalNullable(v, `${path}.${k}`));
      if (def.type === 'union') return (def.options ?? []).flatMap((o) => optionalNullable(o, path));
      return [];
    };
    for (const kind of TABLE_KINDS) expect(optionalNullable(TABLES[kind].schema, kind)).toEqual([]);
  });

  it('have no list-valued fields, which CSV could not carry', () => {
    for (const kind of TABLE_KINDS)
      for (const row of catalog.tables[kind])
        for (const value of Object.values(flattenRow(row as Record<string, unknown>)))
          expect(Array.isArray(value) || isPlainObject(value)).toBe(false);
    for (const kind of TABLE_KINDS) expect(columnsOf(TABLES[kind].schema).length).toBeGreaterThan(5);
  });
});

describe('loadShippedCatalog on a damaged catalog', () => {
  const damaged = (edit: (files: typeof SHIPPED_FILES) => void) => {
    const files = JSON.parse(JSON.stringify(SHIPPED_FILES)) as typeof SHIPPED_FILES;
    edit(files);
    try {
      loadShippedCatalog(files);
    } catch (e) {
      return e;
    }
    return undefined;
  };

  it('names the file, row and field of a bad price', () => {
    const error = damaged((f) => {
      ((f.tables.systems as Record<string, { amount: number }>[])[2] as { price: { amount: number } }).price.amount =
        -5;
    });
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).file).toBe('catalog/systems.json');
    expect((error as CatalogError).problems[0]).toMatch(/^row 3 \([a-z0-9.+-]+\), field price\.amount: must be ≥ 0$/);
  });

  it('names a system that points at a GPU the catalog lacks', () => {
    const error = damaged((f) => {
      (f.tables.cloudOffers as { gpu: string }[])[0]!.gpu = 'no-such-gpu';
    });
    expect((error as CatalogError).file).toBe('catalog/cloud-offers.json');
    expect((error as CatalogError).problems[0]).toContain(
      'field gpu: must be the id of a GPU in the catalog; there is no GPU "no-such-gpu"',
    );
  });

  it('rejects a bad version file', () => {
    const error = damaged((f) => {
      f.version = { version: 'latest', asOf: '2026-11-23' };
    });
    expect((error as CatalogError).file).toBe('catalog/version.json');
  });
});
