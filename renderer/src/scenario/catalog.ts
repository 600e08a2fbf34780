import type { CloudOffer, Gpu, Network, System } from '../../../catalog';
import type { ModelPreset } from '../../../catalog/models';
import { plainRow } from '../../../catalog/stored';
import type { TableKind } from '../../../catalog/tables';
import type { CatalogStore } from '../catalog/CatalogStore';
import type { CompareSnapshot } from '../worker/api';

/**
 * The catalog compare reads, as plain rows for the worker: the user's IndexedDB rows, their edits and
 * their own rows included. On a fresh install they are the shipped rows, so the app shows what
 * `npm run -s compare` prints (scenario.parity.db.test.ts).
 */
export function compareSnapshot(catalog: CatalogStore, models: readonly ModelPreset[]): CompareSnapshot {
  const rows = <T>(kind: TableKind) => catalog.rows(kind).map(plainRow) as unknown as T[];
  return {
    gpus: rows<Gpu>('gpus'),
    models,
    systems: rows<System>('systems'),
    offers: rows<CloudOffer>('cloudOffers'),
    networks: rows<Network>('networks'),
  };
}
