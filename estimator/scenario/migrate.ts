import type { z } from 'zod';
import { CURRENCIES } from '../../catalog/schema/common';
import * as D from './defaults';
import { SCENARIO_FORMAT, SCENARIO_VERSION, scenarioSchema, type Scenario } from './schema';

/**
 * Opening a scenario file: the raw JSON is brought up to the current version one step at a time,
 * then validated whole with the current schema. Each migration is a pure function of plain JSON
 * and says, in `notes`, what it filled in, so a user opening an old file knows what changed.
 */

type Json = Record<string, unknown>;

export interface Migration {
  readonly from: number;
  readonly to: number;
  readonly migrate: (file: Json) => { file: Json; notes: string[] };
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * v1 -> v2. Version 2 made explicit what version 1 folded into one number or left out:
 * - spot: v1's `spotOverhead` stood for all spot overhead; v2 models checkpoint saves and
 *   interruptions (`assumptions.spot`) and keeps `spotOverhead` for the rest. So that a v1 file keeps
 *   its numbers, its interruption rate and checkpoint save time become 0 and its `spotOverhead` stays
 *   (0.15 when the file had none, the v1 contract's value).
 * - `discountRatePerYear` (for NPV), `hoursPerMonth`, `reservedPayment`, `idlePowerFraction`, `capex`
 *   extras and `staffCostPerMonth` are new; they take the v2 defaults (defaults.ts), which add
 *   shipping, installation and racks to the capex of owned options.
 * - `workload.epochs` is new; 1 means what v1 meant.
 */
export const v1ToV2: Migration = {
  from: 1,
  to: 2,
  migrate(file) {
    const notes: string[] = [];
    const assumptions: Json = isObject(file.assumptions) ? { ...file.assumptions } : {};
    if (assumptions.spotOverhead === undefined) assumptions.spotOverhead = 0.15;
    if (assumptions.spot === undefined) {
      assumptions.spot = { interruptionsPerHour: 0, checkpointSaveMinutes: 0, restartMinutes: 0 };
      notes.push(
        `version 1 file: spot overhead stays the single figure spotOverhead = ${String(assumptions.spotOverhead)} (spot.interruptionsPerHour and checkpointSaveMinutes set to 0 so the numbers do not change)`,
      );
    }
    if (assumptions.discountRatePerYear === undefined) {
      assumptions.discountRatePerYear = D.DISCOUNT_RATE_PER_YEAR.value;
      notes.push(
        `version 1 file: discountRatePerYear ${String(D.DISCOUNT_RATE_PER_YEAR.value)} added (default) for NPV`,
      );
    }
    return { file: { ...file, version: 2, assumptions }, notes };
  },
};

export const MIGRATIONS: readonly Migration[] = [v1ToV2];

export interface ScenarioIssue {
  /** Field path: `["options", 2, "offer", "prices", "spot", "amount"]`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export type OpenResult =
  | { ok: true; scenario: Scenario; fromVersion: number; notes: string[] }
  | { ok: false; issues: ScenarioIssue[]; fromVersion: number | null };

/** `options[2].offer.prices.spot.amount` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(file)';
}

/** `options[2].pricing: must be one of "on-demand", "spot", "reserved-1y", "reserved-3y"` */
export const formatIssue = (i: ScenarioIssue): string => `${formatPath(i.path)}: ${i.message}`;

const at = (file: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    file,
  );

function toIssues(error: z.ZodError, file: unknown): ScenarioIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code !== 'unrecognized_keys' && issue.code !== 'custom' && at(file, path) === undefined)
      return { path, message: 'is required' };
    if (issue.code === 'unrecognized_keys' && path[path.length - 1] === 'fx')
      return {
        path: [...path, issue.keys[0] as string],
        message: `is not a currency the planner knows (${CURRENCIES.join(', ')}), or "asOf"`,
      };
    if (issue.code === 'unrecognized_keys')
      return issue.keys.length === 1
        ? { path: [...path, issue.keys[0] as string], message: 'is not a known field' }
        : { path, message: `has unknown fields: ${issue.keys.join(', ')}` };
    if (issue.message.startsWith('kind: ')) {
      const kindPath = path[path.length - 1] === 'kind' ? path : [...path, 'kind'];
      return { path: kindPath, message: issue.message.slice('kind: '.length) };
    }
    return { path, message: issue.message };
  });
}

/**
 * Opens a scenario of any supported version: checks the format, migrates, validates, fills the
 * defaults. Never throws on bad input; every problem names its field.
 */
export function openScenario(raw: unknown): OpenResult {
  if (!isObject(raw))
    return { ok: false, fromVersion: null, issues: [{ path: [], message: 'must be a JSON object (a scenario file)' }] };
  if (raw.format !== SCENARIO_FORMAT)
    return { ok: false, fromVersion: null, issues: [{ path: ['format'], message: `must be "${SCENARIO_FORMAT}"` }] };
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return {
      ok: false,
      fromVersion: null,
      issues: [{ path: ['version'], message: `must be a whole number from 1 to ${SCENARIO_VERSION}` }],
    };
  if (version > SCENARIO_VERSION)
    return {
      ok: false,
      fromVersion: version,
      issues: [
        {
          path: ['version'],
          message: `is ${version}: the file was saved by a newer GPU Planner (this one reads versions 1 to ${SCENARIO_VERSION})`,
        },
      ],
    };
  let file: Json = raw;
  const notes: string[] = [];
  for (let v = version; v < SCENARIO_VERSION; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) throw new Error(`no migration from scenario version ${v}`);
    const out = step.migrate(JSON.parse(JSON.stringify(file)) as Json);
    file = out.file;
    notes.push(...out.notes);
  }
  const parsed = scenarioSchema.safeParse(file);
  if (!parsed.success) return { ok: false, fromVersion: version, issues: toIssues(parsed.error, file) };
  return { ok: true, scenario: parsed.data, fromVersion: version, notes };
}

/** The scenario as the app saves it: the current version, defaults written out. */
export function serializeScenario(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

export class ScenarioError extends Error {
  constructor(readonly issues: readonly ScenarioIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
  }
}

/** Like openScenario, but throws a ScenarioError naming every bad field. */
export function parseScenario(raw: unknown): Scenario {
  const r = openScenario(raw);
  if (!r.ok) throw new ScenarioError(r.issues);
  return r.scenario;
}
