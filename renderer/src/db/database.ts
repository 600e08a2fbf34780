import Dexie, { type EntityTable } from 'dexie';
import type { Gpu } from '../../../catalog';
import type { StoredRow } from '../../../catalog/stored';

export type StoredGpu = StoredRow<Gpu>;

export interface MetaEntry {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'gpu-planner';

/**
 * Everything the user keeps lives here (IndexedDB: Electron's userData folder, or the browser
 * profile in the web build). Schema changes add a version with an upgrade; never edit an old one.
 */
export class PlannerDatabase extends Dexie {
  gpus!: EntityTable<StoredGpu, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      gpus: 'id, origin, vendor',
      meta: 'key',
    });
  }
}
