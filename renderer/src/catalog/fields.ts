import type { z } from 'zod';
import { facilitySchema } from '../../../catalog/schema/facility';
import { TABLES, type TableKind } from '../../../catalog/tables';

export type FieldKind = 'text' | 'number' | 'boolean' | 'enum' | 'price';

/**
 * One editable cell of a catalog row, read off the kind's zod schema. A price (`{amount, currency,
 * asOf, source}`) is one cell: the user's quote replaces the whole price, date and source included.
 */
export interface FieldSpec {
  /** Dotted path, as in CSV headers and `edits` (`tflops.bf16`, `prices.spot`). */
  path: string;
  kind: FieldKind;
  /** Allowed values of an enum (or a literal such as facilities' `per`). */
  options: readonly string[];
  /** An empty cell means null (a GPU without bf16), not "not given". */
  nullable: boolean;
  /** The field may be left out. */
  optional: boolean;
  /** For a price: the literal its `per` must be (`hour` on cloud offers). */
  per?: string;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: readonly unknown[];
}
const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

const PRICE_KEYS = ['amount', 'currency', 'asOf', 'source'];

function literalOf(schema: z.ZodType | undefined): string | undefined {
  if (!schema) return undefined;
  const def = defOf(schema);
  if (def.type === 'optional' && def.innerType) return literalOf(def.innerType);
  return def.type === 'literal' && typeof def.values?.[0] === 'string' ? def.values[0] : undefined;
}

function walk(schema: z.ZodType, path: string, flags: { nullable: boolean; optional: boolean }, out: FieldSpec[]) {
  const def = defOf(schema);
  const add = (spec: Omit<FieldSpec, 'path' | 'nullable' | 'optional'>) => {
    const seen = out.find((f) => f.path === path);
    if (!seen) out.push({ path, ...flags, ...spec });
    // The options of a union (facilities) share one column: their allowed values add up.
    else if (seen.kind === 'enum' && spec.kind === 'enum')
      seen.options = [...new Set([...seen.options, ...spec.options])];
  };
  switch (def.type) {
    case 'optional':
    case 'default':
      if (def.innerType) walk(def.innerType, path, { ...flags, optional: true }, out);
      return;
    case 'nullable':
      if (def.innerType) walk(def.innerType, path, { ...flags, nullable: true }, out);
      return;
    case 'readonly':
      if (def.innerType) walk(def.innerType, path, flags, out);
      return;
    case 'pipe':
      if (def.in) walk(def.in, path, flags, out);
      return;
    case 'object': {
      const shape = def.shape ?? {};
      if (PRICE_KEYS.every((k) => k in shape)) {
        const per = literalOf(shape.per);
        add(per ? { kind: 'price', options: [], per } : { kind: 'price', options: [] });
        return;
      }
      for (const [key, child] of Object.entries(shape))
        walk(child, path ? `${path}.${key}` : key, { nullable: false, optional: flags.optional }, out);
      return;
    }
    case 'union':
      for (const option of def.options ?? []) walk(option, path, flags, out);
      return;
    case 'enum':
      add({ kind: 'enum', options: Object.values(def.entries ?? {}) });
      return;
    case 'literal':
      add({ kind: 'enum', options: (def.values ?? []).map(String) });
      return;
    case 'number':
      add({ kind: 'number', options: [] });
      return;
    case 'boolean':
      add({ kind: 'boolean', options: [] });
      return;
    default:
      add({ kind: 'text', options: [] });
  }
}

export function fieldsOf(schema: z.ZodType): FieldSpec[] {
  const out: FieldSpec[] = [];
  walk(schema, '', { nullable: false, optional: false }, out);
  return out;
}

const BY_KIND = new Map<TableKind, FieldSpec[]>();

/** Every cell a row of this kind can have, in the schema's order (the grid's columns). */
export function fieldsOfKind(kind: TableKind): FieldSpec[] {
  let fields = BY_KIND.get(kind);
  if (!fields) {
    fields = fieldsOf(TABLES[kind].schema);
    BY_KIND.set(kind, fields);
  }
  return fields;
}

const facilityOptions = (facilitySchema as unknown as { def: { options: z.ZodType[] } }).def.options;

/**
 * The cells one row can have: for a facility, those of its own kind (an electricity tariff has a
 * price and a region, a PUE row a cooling type and a ratio); for the other tables, every field.
 */
export function fieldsOfRow(kind: TableKind, row: { kind?: unknown }): FieldSpec[] {
  if (kind !== 'facilities') return fieldsOfKind(kind);
  const option = facilityOptions.find((o) => literalOf(defOf(o).shape?.kind) === row.kind);
  return option ? fieldsOf(option) : fieldsOfKind(kind);
}

export function fieldOf(kind: TableKind, path: string): FieldSpec | undefined {
  return fieldsOfKind(kind).find((f) => f.path === path);
}

/** What a buyer compares first leads each tab; the other columns follow in the schema's order. */
const LEADING_COLUMNS: Record<TableKind, readonly string[]> = {
  gpus: [
    'id',
    'name',
    'priceNew',
    'priceUsed',
    'memoryGB',
    'memoryBandwidthTBs',
    'tflops.bf16',
    'tflops.fp16',
    'tflops.fp8',
    'tdpWatts',
  ],
  systems: ['id', 'name', 'price', 'condition', 'gpu', 'gpusPerNode', 'powerWatts', 'rackUnits', 'cooling'],
  cloudOffers: [
    'id',
    'provider',
    'name',
    'gpu',
    'gpusPerInstance',
    'prices.on-demand',
    'prices.spot',
    'prices.reserved-1y',
    'prices.reserved-3y',
  ],
  networks: ['id', 'name', 'layer', 'interconnect', 'portGbps', 'portsPerNode', 'pricePerNode'],
  facilities: ['id', 'kind', 'name', 'region', 'price', 'per', 'pue', 'cooling', 'maxKWPerRack'],
};

/** The tab's columns in the order the grid shows them. */
export function columnsOfKind(kind: TableKind): FieldSpec[] {
  const fields = fieldsOfKind(kind);
  const rank = (f: FieldSpec) => {
    const i = LEADING_COLUMNS[kind].indexOf(f.path);
    return i < 0 ? LEADING_COLUMNS[kind].length + fields.indexOf(f) : i;
  };
  return [...fields].sort((a, b) => rank(a) - rank(b));
}
