import modelsJson from './models.json';
import { loadTable } from './index';
import { modelPresetSchema, type ModelPreset } from './schema/model';

/** The shipped model presets (catalog/models.json), validated; a malformed file names every bad row and field. */
export function loadShippedModels(raw: unknown = modelsJson): ModelPreset[] {
  return loadTable('catalog/models.json', modelPresetSchema, raw);
}

export type { Architecture, ModelPreset } from './schema/model';
