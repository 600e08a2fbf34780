import Dexie, { type EntityTable, type Table } from 'dexie';
import type { CloudOffer, Facility, Gpu, Network, System } from '../../../catalog';
import type { StoredRow } from '../../../catalog/stored';
import type { TableKind } from '../../../catalog/tables';
import type { Conflict } from '../../../catalog/update';
import type { Calibration } from '../../../estimator/confidence';
import type { StoredScenario } from '../scenario/records';

export type StoredGpu = StoredRow<Gpu>;
export type StoredSystem = StoredRow<System>;
export type StoredCloudOffer = StoredRow<CloudOffer>;
export type StoredNetwork = StoredRow<Network>;
export type StoredFacility = StoredRow<Facility>;

export interface MetaEntry {
  key: string;
  value: unknown;
}

/** A shipped row the user deleted: a catalog update must not bring it back. */
export interface Tombstone {
  kind: TableKind;
  id: string;
  /** ISO date-time of the deletion. */
  deletedAt: string;
}

export const DATABASE_NAME = 'gpu-planner';

/** Version 1's stores, kept word for word: a migration test opens a database written with them. */
export const STORES_V1 = {
  gpus: 'id, origin, vendor',
  meta: 'key',
} as const;

/**
 * Version 2 (the whole catalog): a table per catalog kind, the shipped rows the user deleted
 * (`tombstones`, keyed by kind and id) and the conflicts a catalog update left for the user to
 * settle (`conflicts`, one per edited cell). The shipped catalog version last merged, the stale-price
 * threshold and the grid's column choices live in `meta` (renderer/src/catalog/sync.ts, CatalogStore.ts).
 */
export const STORES_V2 = {
  ...STORES_V1,
  systems: 'id, origin, gpu',
  cloudOffers: 'id, origin, gpu, provider',
  networks: 'id, origin',
  facilities: 'id, origin, kind',
  tombstones: '[kind+id], kind',
  conflicts: '[table+id+field], table',
} as const;

/**
 * Version 3 (scenarios): the user's scenarios, one row each, autosaved as they are edited
 * (renderer/src/scenario/records.ts). The open scenario and the comparison's hidden columns live in `meta`.
 */
export const STORES_V3 = {
  ...STORES_V2,
  scenarios: 'id, updatedAt',
} as const;

/**
 * Version 4 (calibrations, issue 9): what the user measured on their own hardware and the factors
 * fitted from it, one row each (renderer/src/calibration/CalibrationStore.ts). Indexed by GPU, since a
 * calibration applies to every estimate and scenario on that GPU, and by date for the list.
 */
export const STORES_V4 = {
  ...STORES_V3,
  calibrations: 'id, gpu, date',
} as const;

/**
 * Everything the user keeps lives here (IndexedDB: Electron's userData folder, or the browser
 * profile in the web build). Schema changes add a version with an upgrade; never edit an old one.
 */
export class PlannerDatabase extends Dexie {
  gpus!: EntityTable<StoredGpu, 'id'>;
  systems!: EntityTable<StoredSystem, 'id'>;
  cloudOffers!: EntityTable<StoredCloudOffer, 'id'>;
  networks!: EntityTable<StoredNetwork, 'id'>;
  facilities!: EntityTable<StoredFacility, 'id'>;
  tombstones!: Table<Tombstone, [TableKind, string]>;
  conflicts!: Table<Conflict, [TableKind, string, string]>;
  meta!: EntityTable<MetaEntry, 'key'>;
  scenarios!: EntityTable<StoredScenario, 'id'>;
  calibrations!: EntityTable<Calibration, 'id'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(1).stores(STORES_V1);
    // The GPU rows of version 1 carry over as they are; the other kinds arrive with the next
    // catalog merge at start-up (no catalog version was recorded in version 1, so one runs).
    this.version(2)
      .stores(STORES_V2)
      .upgrade((tx) =>
        tx
          .table<StoredGpu>('gpus')
          .toCollection()
          .modify((row) => {
            row.origin ??= 'shipped';
            row.edits ??= {};
          }),
      );
    this.version(3).stores(STORES_V3);
    // A new, empty table: nothing earlier versions kept changes.
    this.version(4).stores(STORES_V4);
  }
}
