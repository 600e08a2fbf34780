import type { ComparisonRow } from '../../compare/types';
import type { CostLine, PaidAt } from '../../costing/types';

/**
 * The cost lines an option's block shows: the app's, plus the rate-driven lines the app leaves out
 * when their rate is 0 (no tax line at a 0% tax rate), written as formulas worth 0 so that finance
 * setting the rate in the workbook sees the line appear in the totals. Order as the costing writes
 * them (owned.ts, cloud.ts).
 */

const OWNED_ORDER = [
  'servers',
  'network',
  'racks',
  'facility',
  'install',
  'shipping',
  'tax',
  'energy',
  'energy-idle',
  'colocation',
  'support',
  'staff',
  'depreciation',
  'residual',
];
const SPOT_ORDER = ['cloud-hours', 'spot-checkpoints', 'spot-interruptions', 'spot-overhead'];

/** What a missing line would have been: kind, payment and the source the costing gives it. */
const OWNED_ZERO: readonly { id: string; kind: CostLine['kind']; paidAt: PaidAt; source: string }[] = [
  { id: 'install', kind: 'capex', paidAt: 'start', source: 'assumptions.capex.installPerNode' },
  { id: 'shipping', kind: 'capex', paidAt: 'start', source: 'assumptions.capex.shippingRate' },
  { id: 'tax', kind: 'capex', paidAt: 'start', source: 'assumptions.capex.taxRate' },
  { id: 'energy-idle', kind: 'opex', paidAt: 'monthly', source: 'assumptions.idlePowerFraction' },
  { id: 'support', kind: 'opex', paidAt: 'monthly', source: 'assumptions.supportRatePerYear' },
  { id: 'staff', kind: 'opex', paidAt: 'monthly', source: 'assumptions.staffCostPerMonth' },
];
const SPOT_ZERO = ['spot-checkpoints', 'spot-interruptions', 'spot-overhead'].map((id) => ({
  id,
  kind: 'opex' as const,
  paidAt: 'monthly' as const,
  source: `assumptions.${id === 'spot-overhead' ? 'spotOverhead' : 'spot'}`,
}));

/** The retrofit line the site plan adds only when some rack needs more cooling than the site has (facility/costs.ts). */
const RETROFIT = 'facility-cooling-retrofit';

/**
 * Whether the block shows a retrofit line worth 0: the option's site plan is on the Facility sheet
 * (`planned`) and needed no retrofit at the app's assumptions, so a lower rack limit or another cooling
 * type in the file can make one appear.
 */
export const zeroRetrofit = (row: ComparisonRow, planned: boolean): boolean =>
  planned && row.lines.some((l) => l.id === 'facility-racks') && !row.lines.some((l) => l.id === RETROFIT);

const family = (id: string): string =>
  id.startsWith('network') ? 'network' : id.startsWith('facility') ? 'facility' : id;

export interface ShownLine {
  readonly line: CostLine;
  /** Not in the app's list: worth 0 at the app's assumptions. */
  readonly zero: boolean;
}

/**
 * `nameplateKnown`: idle energy needs the servers' rating; without it the app never has the line.
 * `planned`: the option's site plan is on the Facility sheet (see `zeroRetrofit`).
 */
export function shownLines(row: ComparisonRow, nameplateKnown: boolean, planned = false): ShownLine[] {
  const have = new Set(row.lines.map((l) => l.id));
  const zero = (z: { id: string; kind: CostLine['kind']; paidAt: PaidAt; source: string }): CostLine => ({
    id: z.id,
    label: '',
    kind: z.kind,
    amountMinor: 0,
    currency: row.currency,
    formula: '',
    inputs: {},
    source: z.source,
    paidAt: z.paidAt,
  });
  let extra: CostLine[] = [];
  let order: string[] = [];
  if (row.kind !== 'cloud') {
    extra = OWNED_ZERO.filter((z) => !have.has(z.id) && (z.id !== 'energy-idle' || nameplateKnown)).map(zero);
    if (zeroRetrofit(row, planned))
      extra.push(zero({ id: RETROFIT, kind: 'capex', paidAt: 'start', source: 'site plan (Facility sheet)' }));
    order = OWNED_ORDER;
  } else if (row.pricing === 'spot' && have.has('cloud-hours')) {
    extra = SPOT_ZERO.filter((z) => !have.has(z.id)).map(zero);
    order = SPOT_ORDER;
  }
  const rank = (id: string) => {
    const i = order.indexOf(family(id));
    return i < 0 ? order.length : i;
  };
  const all = [...row.lines.map((line) => ({ line, zero: false })), ...extra.map((line) => ({ line, zero: true }))];
  // A stable sort: the app's lines keep their order; each added line goes where the costing puts it.
  return all
    .map((l, i) => ({ l, i }))
    .sort((a, b) => rank(a.l.line.id) - rank(b.l.line.id) || a.i - b.i)
    .map((x) => x.l);
}
