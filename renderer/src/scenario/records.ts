import { SHIPPED_SCENARIOS } from '../../../catalog/scenarios';
import {
  assumptionsSchema,
  openScenario,
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  type Scenario,
} from '../../../estimator/scenario';
import type { RawScenario } from './raw';

/** The file a scenario was last opened from or saved to: a token in the desktop app, only a name in the browser. */
export interface FileLink {
  token: string | null;
  name: string;
}

/** One scenario as the `scenarios` table keeps it: plain data, replaced on every edit. */
export interface StoredScenario {
  /** `sc-…`, made here; a scenario file carries no id. */
  id: string;
  /** The scenario as edited: the file's JSON, possibly half-typed (see raw.ts). */
  raw: RawScenario;
  /** ISO date-times. */
  createdAt: string;
  updatedAt: string;
  file: FileLink | null;
  /** Edited since the linked file was last written. */
  fileDirty: boolean;
  /** The shipped example it was copied from (catalog/scenarios file name). */
  example?: string;
}

export function newScenarioId(): string {
  const random =
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `sc-${random}`;
}

export const scenarioName = (raw: RawScenario): string =>
  typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim() : '';

/** The exchange rates (and their date) the shipped examples use: the catalog prices servers in EUR and CNY too. */
const EXAMPLE_FX = (SHIPPED_SCENARIOS[0]?.raw as { assumptions?: { fx?: object } } | undefined)?.assumptions?.fx ?? {};

/**
 * What File > New and "New scenario" start from: the contract's example workload (LoRA on DeepSeek-LLM-7B,
 * four runs a month for three years), every assumption at its default with its source, the examples'
 * exchange rates, and no options yet.
 */
export function starterScenario(name: string): RawScenario {
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    name,
    currency: 'USD',
    workload: {
      training: {
        model: 'deepseek-llm-7b-base',
        method: 'lora',
        precision: 'bf16-mixed',
        seqLen: 4096,
        microBatch: 4,
        recompute: 'full',
      },
      trainingTokens: 2_000_000_000,
      epochs: 1,
      runsPerMonth: 4,
      horizonMonths: 36,
    },
    assumptions: plain(assumptionsSchema.parse({ fx: EXAMPLE_FX })),
    options: [],
  };
}

/** A scenario as it is stored after opening a file: the current version with its defaults written out. */
export const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
export const storedForm = (scenario: Scenario): RawScenario => plain(scenario) as RawScenario;

export function makeRecord(raw: RawScenario, extra: Partial<StoredScenario> = {}): StoredScenario {
  const now = new Date().toISOString();
  return { id: newScenarioId(), raw, createdAt: now, updatedAt: now, file: null, fileDirty: false, ...extra };
}

/** A shipped example as the user's own copy: migrated and with its defaults written out. */
export function exampleRecord(file: string): StoredScenario | null {
  const shipped = SHIPPED_SCENARIOS.find((s) => s.file === file);
  if (!shipped) return null;
  const opened = openScenario(shipped.raw);
  if (!opened.ok) return null;
  return makeRecord(storedForm(opened.scenario), { example: file });
}

/** `name` when it is free, else the first free `numbered(2)`, `numbered(3)`, … */
export function uniqueName(name: string, taken: readonly string[], numbered: (n: number) => string): string {
  if (!taken.includes(name)) return name;
  for (let n = 2; ; n++) if (!taken.includes(numbered(n))) return numbered(n);
}

/** "Q3 plan" → "Q3 plan (copy)", "Q3 plan (copy 2)", …; a copy of a copy counts on from its original. */
export function copyName(name: string, taken: readonly string[], word: string): string {
  const base = name.replace(/\s*\([^()]*\)$/, (suffix) => (suffix.includes(word) ? '' : suffix));
  return uniqueName(`${base} (${word})`, taken, (n) => `${base} (${word} ${n})`);
}
