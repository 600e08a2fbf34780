import type { z } from 'zod';
import { cloudOfferSchema, type CloudOffer } from './schema/cloud-offer';
import { facilitySchema, type Facility } from './schema/facility';
import { gpuSchema, type Gpu } from './schema/gpu';
import { networkSchema, type Network } from './schema/network';
import { systemSchema, type System } from './schema/system';

/** The kinds of catalog row, in the order the app shows its tabs. */
export const TABLE_KINDS = ['gpus', 'systems', 'cloudOffers', 'networks', 'facilities'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

/** Every table of the catalog, validated. */
export interface CatalogTables {
  gpus: Gpu[];
  systems: System[];
  cloudOffers: CloudOffer[];
  networks: Network[];
  facilities: Facility[];
}
export type RowOf<K extends TableKind> = CatalogTables[K][number];

export interface TableInfo {
  /** The shipped file under catalog/. */
  readonly file: string;
  /** What a user calls one row: "GPU", "cloud offer". */
  readonly row: string;
  readonly schema: z.ZodType;
}

export const TABLES: Readonly<Record<TableKind, TableInfo>> = {
  gpus: { file: 'gpus.json', row: 'GPU', schema: gpuSchema },
  systems: { file: 'systems.json', row: 'system', schema: systemSchema },
  cloudOffers: { file: 'cloud-offers.json', row: 'cloud offer', schema: cloudOfferSchema },
  networks: { file: 'networks.json', row: 'network', schema: networkSchema },
  facilities: { file: 'facilities.json', row: 'facility figure', schema: facilitySchema },
};

export function isTableKind(value: unknown): value is TableKind {
  return typeof value === 'string' && (TABLE_KINDS as readonly string[]).includes(value);
}
