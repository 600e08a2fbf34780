import type { Architecture } from '../../catalog/schema/model';
import { bandFor, type AccuracyBand } from '../confidence';
import { breakEven, cumulative, npv } from '../costing/cashflow';
import { costCloud } from '../costing/cloud';
import { costOwned } from '../costing/owned';
import type { Finance, OptionCost, PriceRef, RunProfile } from '../costing/types';
import * as D from '../scenario/defaults';
import { withEffectiveEnergy } from '../scenario/effective';
import { ScenarioError, type ScenarioIssue } from '../scenario/migrate';
import { formatDecimal, money, roundTo, toMajor } from '../scenario/money';
import type { ParallelInput, Scenario } from '../scenario/schema';
import { parseEstimateInput, type EstimateInput } from '../training';
import { chooseLayout, describeLayout, memoize, type LayoutResult } from './layout';
import { Converter, financeOf, resolveOption, type ResolvedHardware } from './resolve';
import type {
  AbortSignalLike,
  AssumptionUsed,
  ChosenLayout,
  Comparison,
  ComparisonRow,
  CompareCatalog,
  CompareDeps,
  FacilityPlan,
} from './types';

/** 1 W of heat = 3.412142 BTU/h; 1 ton of refrigeration = 12,000 BTU/h (catalog-facts.md §5). */
export const coolingBTUh = (kw: number): number => kw * 1000 * D.BTU_PER_HOUR_PER_WATT;
export const coolingTons = (kw: number): number => coolingBTUh(kw) / D.BTU_PER_HOUR_PER_TON;

const GIB = 2 ** 30;

/** The workload's training fields as the estimator takes them, without the layout (compare sets it). */
function trainingOf(s: Scenario): { fields: Record<string, unknown>; fixed: ParallelInput | null } {
  const { parallel, ...fields } = s.workload.training as Record<string, unknown> & { parallel?: ParallelInput };
  return { fields, fixed: parallel ?? null };
}

function architectureOf(model: unknown, catalog: CompareCatalog): Architecture | null {
  if (typeof model === 'string') return catalog.models.find((m) => m.id === model)?.architecture ?? null;
  return (model as Architecture) ?? null;
}

/** Everything compare needs to evaluate options of one scenario: finance, resolved hardware, the base input. */
export interface Prepared {
  readonly scenario: Scenario;
  readonly catalog: CompareCatalog;
  readonly finance: Finance;
  readonly converter: Converter;
  readonly arch: Architecture | null;
  readonly training: Record<string, unknown>;
  readonly fixed: ParallelInput | null;
  readonly tokensPerRun: number;
  /** Where the site's PUE or tariff replaced the scenario's (English, for the comparison's notes). */
  readonly energyNotes: readonly string[];
}

/** Validates the references and prices of a scenario against a catalog; throws a ScenarioError naming every bad field. */
export function prepare(given: Scenario, catalog: CompareCatalog): Prepared & { hardware: ResolvedHardware[] } {
  // Costed at the site's PUE and tariff where it gives them (scenario/effective.ts); the notes say so.
  const { scenario: s, notes: energyNotes } = withEffectiveEnergy(given);
  const converter = new Converter(s);
  const finance = financeOf(s, converter);
  const { fields, fixed } = trainingOf(s);
  const issues: ScenarioIssue[] = converter.issues;
  const model = fields.model;
  if (typeof model === 'string' && !catalog.models.some((m) => m.id === model))
    issues.push({
      path: ['workload', 'training', 'model'],
      message: `"${model}" is not a model preset in the catalog (known: ${catalog.models.map((m) => m.id).join(', ')})`,
    });
  const hardware: ResolvedHardware[] = [];
  s.options.forEach((_, i) => {
    const hw = resolveOption(s, i, catalog, converter);
    if (hw) hardware.push(hw);
  });
  if (issues.length) throw new ScenarioError(dedupe(issues));
  return {
    scenario: s,
    catalog,
    finance,
    converter,
    arch: architectureOf(model, catalog),
    training: fields,
    fixed,
    tokensPerRun: s.workload.trainingTokens * s.workload.epochs,
    energyNotes,
    hardware,
  };
}

function dedupe(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path.join('.')}|${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The estimate input for one option's hardware (all of a run's GPUs), or why it cannot be built. */
export function baseInput(
  p: Prepared,
  hw: ResolvedHardware,
): { ok: true; input: EstimateInput } | { ok: false; error: string } {
  const gpus = hw.gpusPerNode * hw.nodesPerRun;
  const parsed = parseEstimateInput({
    ...p.training,
    gpu: hw.gpu,
    gpus,
    gpusPerNode: hw.gpusPerNode,
    ...(hw.nodesPerRun > 1 && hw.interconnect ? { interconnect: hw.interconnect } : {}),
    // The system's full-load rating bounds the estimate's node power (its non-GPU part is what the rating leaves).
    ...(hw.nameplateWattsPerNode !== null ? { nodeMaxWatts: hw.nameplateWattsPerNode } : {}),
    trainingTokens: p.tokensPerRun,
  });
  return parsed.ok ? { ok: true, input: parsed.input } : { ok: false, error: parsed.error };
}

function chosenLayout(l: LayoutResult, how: 'swept' | 'given'): ChosenLayout | null {
  const pick = l.best;
  if (!pick) return null;
  const i = pick.input;
  const e = pick.estimate;
  return {
    gpus: i.gpus,
    gpusPerNode: i.gpusPerNode,
    nodes: e.layout.nodes,
    tp: i.parallel.tp,
    pp: i.parallel.pp,
    ep: i.parallel.ep,
    dp: e.layout.dp,
    sp: i.parallel.sp,
    zero: i.parallel.zero,
    offload: i.parallel.offload,
    microBatch: i.microBatch,
    gradAccum: i.gradAccum,
    interconnect: e.layout.interconnect,
    how,
    tried: l.tried,
  };
}

function whyNotFit(l: LayoutResult, hw: ResolvedHardware): string {
  if (l.error) return `cannot be estimated: ${l.error}`;
  const c = l.closest;
  if (!c) return 'no layout could be estimated';
  const need = c.estimate.memory.requiredBytesPerGpu / GIB;
  const have = c.estimate.memory.capacityBytes / GIB;
  const gpus = hw.gpusPerNode * hw.nodesPerRun;
  return `does not fit: needs ${formatDecimal(need, 1, 1)} GiB per GPU even with ${describeLayout(c.input)}, and the ${c.estimate.gpu.name} has ${formatDecimal(have, 0, 1)} GiB; more GPUs than ${gpus}, QLoRA or a shorter sequence would be needed`;
}

export interface Evaluated {
  readonly hw: ResolvedHardware;
  readonly layout: LayoutResult;
  readonly cost: OptionCost | null;
  readonly run: RunProfile | null;
  readonly facility: FacilityPlan | null;
  readonly notes: string[];
  /** The option re-costed at the ends of the throughput band (fast end = low, slow end = high); absent without a cost. */
  readonly range?: CostRange | null;
}

/** An option's cost at the two ends of its throughput accuracy band (estimator/confidence). */
export interface CostRange {
  readonly band: AccuracyBand;
  /** At the fast end (tokens/s x (1 + upperPct/100)): fewer hours, less energy. */
  readonly low: OptionCost;
  /** At the slow end (tokens/s x (1 + lowerPct/100)): more hours, more energy and cloud cost. */
  readonly high: OptionCost;
}

/**
 * Re-costs a run at the ends of the throughput band: hours and energy scale with 1 / (tokens/s) (the mean draw is the
 * same, for longer), everything else in the costing follows (cloud hours, spot restarts, owned energy and schedule).
 */
export function costRange(run: RunProfile, band: AccuracyBand, costOf: (r: RunProfile) => OptionCost): CostRange {
  const at = (speed: number): RunProfile => ({
    ...run,
    hoursPerRun: run.hoursPerRun / speed,
    itKWhPerRun: run.itKWhPerRun / speed,
  });
  return {
    band,
    low: costOf(at(1 + band.upperPct / 100)),
    high: costOf(at(1 + band.lowerPct / 100)),
  };
}

/** Estimates and costs one option. `estimate` should be memoized by the caller when it sweeps. */
export function evaluateOption(
  p: Prepared,
  hw: ResolvedHardware,
  deps: CompareDeps,
  signal?: AbortSignalLike,
): Evaluated {
  const notes = [...hw.notes];
  const base = baseInput(p, hw);
  if (!base.ok) {
    const layout: LayoutResult = { best: null, closest: null, tried: 0, error: base.error, notes: [] };
    return { hw, layout, cost: null, run: null, facility: null, notes: [whyNotFit(layout, hw), ...notes], range: null };
  }
  const fixed = hw.option.parallel ?? p.fixed;
  const layout = chooseLayout(base.input, p.arch, deps.estimate, fixed, signal);
  notes.push(...layout.notes);
  const best = layout.best;
  if (!best)
    return { hw, layout, cost: null, run: null, facility: null, notes: [whyNotFit(layout, hw), ...notes], range: null };

  const e = best.estimate;
  // A server cannot draw more than its full-load rating: when the estimate's mean is above the
  // quoted figure, power and energy use the quote (and say so).
  const nameplate = hw.nameplateWattsPerNode;
  const clamp = nameplate !== null && e.power.nodeWatts > nameplate ? nameplate / e.power.nodeWatts : 1;
  const run: RunProfile = {
    hoursPerRun: (e.time?.seconds ?? 0) / 3600,
    itKW: (e.power.clusterWatts / 1000) * clamp,
    itKWhPerRun: (e.energy?.kWh ?? 0) * clamp,
  };
  notes.unshift(
    `${fixed ? 'layout given' : `fastest of ${layout.tried} layouts tried`}: ${describeLayout(best.input)}; ${formatDecimal(e.throughput.tokensPerSecond, 0, 0)} tokens/s, MFU ${formatDecimal(e.throughput.mfu * 100, 0, 0)}%`,
  );
  for (const n of e.notes) notes.push(`estimate: ${n}`);

  let facility: FacilityPlan | null = null;
  const site = p.scenario.assumptions.site;
  if (!hw.cloud && site && deps.planFacility) {
    facility = deps.planFacility({
      optionId: hw.option.id,
      kind: hw.option.kind as 'owned' | 'cluster',
      nodes: hw.nodes,
      gpusPerNode: hw.gpusPerNode,
      gpu: hw.gpu,
      nameplateWattsPerNode: hw.nameplateWattsPerNode,
      rackUnitsPerNode: hw.rackUnitsPerNode,
      itKWPerNode: e.power.nodeWatts / 1000,
      site,
      pue: p.finance.pue,
      currency: p.scenario.currency,
      convert: (amount, currency) =>
        p.converter.price(amount, currency, 'site plan', `the site plan for ${hw.option.id}`) ??
        ({ amount: 0, source: `no fx rate for ${currency}` } satisfies PriceRef),
    });
    notes.push(...facility.notes);
  }
  const costOf = (r: RunProfile): OptionCost =>
    hw.cloud
      ? costCloud(
          {
            label: hw.label,
            pricing: hw.cloud.pricing,
            price: hw.cloud.price,
            onDemand: hw.cloud.onDemand,
            instances: hw.nodes,
            reservedInstances: hw.option.kind === 'cloud' ? hw.option.reservedInstances : undefined,
            payment: hw.option.kind === 'cloud' ? hw.option.payment : undefined,
          },
          r,
          p.finance,
        )
      : costOwned(
          {
            label: hw.label,
            nodes: hw.nodes,
            server: hw.server!,
            gpusPerNode: hw.gpusPerNode,
            nameplateWattsPerNode: hw.nameplateWattsPerNode,
            rackUnitsPerNode: hw.rackUnitsPerNode,
            racksOverride: hw.racksOverride,
            fabric: hw.fabric ?? undefined,
            facility: facility
              ? { capex: facility.facilityCapex, racks: facility.racks, lines: facility.capexLines }
              : undefined,
          },
          { ...r, concurrentRuns: hw.concurrentRuns, nodesPerRun: hw.nodesPerRun },
          p.finance,
        );
  const cost = costOf(run);
  if (!hw.cloud && clamp < 1)
    notes.push(
      `power and energy use the system's full-load rating (${formatDecimal(nameplate!, 0, 0)} W a server): the estimate's mean draw (${formatDecimal(e.power.nodeWatts, 0, 0)} W) is above it`,
    );
  const range = costRange(run, bandFor('throughput', best.input, p.catalog), costOf);
  notes.push(...cost.notes);
  return { hw, layout, cost, run, facility, notes, range };
}

type BaseRow = Omit<ComparisonRow, 'rank' | 'breakEvenMonths' | 'breakEvenAgainst' | 'breakEvenVs'>;

/** The row's cost and hours ranges from the option's throughput band; null where a cost or an end is not finite. */
function rangesOf(
  cost: OptionCost | null,
  range: CostRange | null,
): Pick<ComparisonRow, 'totalCostRange' | 'hoursPerRunRange'> {
  const ok = (c: OptionCost) => Number.isFinite(c.hoursPerRun);
  if (!cost || !range || !ok(range.low) || !ok(range.high)) return { totalCostRange: null, hoursPerRunRange: null };
  const a = toMajor(range.low.total);
  const b = toMajor(range.high.total);
  return {
    totalCostRange: { low: Math.min(a, b), high: Math.max(a, b) },
    hoursPerRunRange: { low: roundTo(range.low.hoursPerRun, 4), high: roundTo(range.high.hoursPerRun, 4) },
  };
}

function rowOf(p: Prepared, ev: Evaluated): BaseRow {
  const { hw, run, layout, facility } = ev;
  // A run that never finishes (spot losing more than it gains) has no meaningful hours or cost.
  const cost = ev.cost && Number.isFinite(ev.cost.hoursPerRun) ? ev.cost : null;
  const s = p.scenario;
  const c = s.currency;
  const runs = s.workload.runsPerMonth * s.workload.horizonMonths;
  const o = hw.option;
  const fits = layout.best !== null;
  const major = (m: { amountMinor: number; currency: typeof c }) => toMajor(m);
  const deadline = s.workload.deadlineHours;
  const meetsDeadline = !cost || deadline === undefined || cost.hoursPerRun <= deadline;
  const notes = [...ev.notes];
  if (cost && !meetsDeadline)
    notes.push(
      `misses the deadline: a run takes ${formatDecimal(cost.hoursPerRun, 1, 1)} h, the workload allows ${formatDecimal(deadline!, 1, 1)} h`,
    );
  const isOwned = o.kind !== 'cloud';
  const npvMinor = cost ? npv(cost.cashflowMinor, p.finance.discountRatePerYear) : null;
  const meetsSchedule = !cost || !isOwned || cost.feasible;
  const fitsSite = facility ? facility.fitsSite : true;
  const feasible = fits && !!cost && cost.feasible && meetsDeadline && fitsSite;
  const powerKW = run ? run.itKW * hw.concurrentRuns : null;
  // Energy follows the hours the hardware runs: spot's re-done work burns power too.
  const energyKWh =
    run && cost && run.hoursPerRun > 0 ? run.itKWhPerRun * runs * (cost.hoursPerRun / run.hoursPerRun) : null;
  const row: BaseRow = {
    optionId: o.id,
    label: hw.label,
    kind: o.kind,
    pricing: o.kind === 'cloud' ? o.pricing : null,
    fits,
    gpus: hw.gpusPerNode * hw.nodes,
    hoursPerRun: cost ? roundTo(cost.hoursPerRun, 4) : null,
    totalHours: cost ? roundTo(cost.totalHours, 3) : null,
    capex: cost ? major(cost.capex) : null,
    opexTotal: cost ? major(cost.opex) : null,
    totalCost: cost ? major(cost.total) : null,
    costPerRun: cost ? roundTo(major(cost.total) / runs, 2) : null,
    energyKWh: energyKWh === null ? null : roundTo(energyKWh, 1),
    powerKW: powerKW === null ? null : roundTo(powerKW, 3),
    coolingBTUh: powerKW === null ? null : Math.round(coolingBTUh(powerKW)),
    coolingTons: powerKW === null ? null : roundTo(coolingTons(powerKW), 2),
    notes,
    gpu: hw.gpu,
    nodes: hw.nodes,
    feasible,
    meetsSchedule,
    meetsDeadline,
    residualValue: cost && isOwned ? major(cost.residual) : null,
    npvCost: npvMinor === null ? null : toMajor({ amountMinor: npvMinor, currency: c }),
    facilityEnergyKWh: energyKWh !== null && isOwned ? roundTo(energyKWh * p.finance.pue, 1) : null,
    nameplateKW: cost?.nameplateKW != null ? roundTo(cost.nameplateKW, 3) : null,
    utilization: cost?.utilization ?? null,
    cumulativeCost: cost ? cumulative(cost.cashflowMinor).map((m) => toMajor({ amountMinor: m, currency: c })) : null,
    currency: c,
    minor: cost
      ? {
          capex: cost.capex.amountMinor,
          opex: cost.opex.amountMinor,
          residual: cost.residual.amountMinor,
          total: cost.total.amountMinor,
          npv: npvMinor ?? 0,
        }
      : null,
    lines: cost?.lines ?? [],
    ...rangesOf(cost, ev.range ?? null),
    layout: chosenLayout(layout, (hw.option.parallel ?? p.fixed) ? 'given' : 'swept'),
    estimate: layout.best?.estimate ?? null,
  };
  if (facility)
    return {
      ...row,
      racks: facility.racks,
      rackKWMax: roundTo(facility.rackKWMax, 2),
      coolingRequired: facility.coolingRequired,
      fitsSite: facility.fitsSite,
      facilityCapex: toMajor(money(facility.facilityCapex.amount, c)),
      ...(facility.detail && { facilityPlan: facility.detail }),
    };
  return row;
}

/** Ranks rows: feasible first by total cost; then fitting but infeasible by total cost; then what does not fit. */
export function rankRows<T extends Pick<ComparisonRow, 'fits' | 'feasible' | 'totalCost' | 'optionId'>>(
  rows: T[],
): T[] {
  const tier = (r: T) => (r.feasible ? 0 : r.fits && r.totalCost !== null ? 1 : 2);
  return [...rows].sort(
    (a, b) =>
      tier(a) - tier(b) ||
      (a.totalCost ?? Infinity) - (b.totalCost ?? Infinity) ||
      a.optionId.localeCompare(b.optionId),
  );
}

function assumptionsUsed(s: Scenario): AssumptionUsed[] {
  const a = s.assumptions as unknown as Record<string, unknown>;
  const get = (name: string): unknown =>
    name.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], a);
  const out: AssumptionUsed[] = [];
  for (const d of D.ASSUMPTION_DEFAULTS) {
    let v = get(d.name);
    if (d.name === 'site.coloPerKWMonth' && s.assumptions.site?.kind !== 'colocation') continue;
    if (v && typeof v === 'object' && 'amount' in v) {
      const m = v as { amount: number; currency: string; source?: string };
      const isDefault = m.amount === d.value && m.currency === 'USD';
      out.push({
        name: d.name,
        value: m.amount,
        unit: `${m.currency}${d.unit.replace(/^USD/, '')}`,
        source: m.source ?? (isDefault ? d.source : 'scenario'),
      });
      continue;
    }
    if (v === undefined) v = d.value;
    out.push({
      name: d.name,
      value: v as number | string,
      unit: d.unit,
      source: v === d.value ? d.source : 'scenario',
    });
  }
  if (s.assumptions.staffCostPerMonth)
    out.push({
      name: 'staffCostPerMonth',
      value: s.assumptions.staffCostPerMonth.amount,
      unit: `${s.assumptions.staffCostPerMonth.currency}/month`,
      source: s.assumptions.staffCostPerMonth.source ?? 'scenario',
    });
  return out;
}

/**
 * Compares every option of a scenario: the layout that fits and is fastest, time, energy, power,
 * cooling, cost lines and totals, break-even of owned options against the cheapest cloud option,
 * ranked by total cost. Throws a ScenarioError naming the fields when the scenario refers to what
 * the catalog lacks or prices it cannot convert.
 */
export function compare(
  s: Scenario,
  catalog: CompareCatalog,
  deps: CompareDeps,
  extraNotes: readonly string[] = [],
): Comparison {
  const prepared = prepare(s, catalog);
  const estimate = memoize(deps.estimate);
  const evaluated = prepared.hardware.map((hw) => evaluateOption(prepared, hw, { ...deps, estimate }));
  return assemble(prepared, evaluated, extraNotes);
}

/**
 * The feasible options whose total-cost range overlaps the cheapest feasible option's: with the throughput bands, any
 * of them could be the cheapest. Options without a range compare by their total cost as a point.
 */
export function uncertainAgainstOf(
  cheapest: Pick<ComparisonRow, 'optionId' | 'totalCost' | 'totalCostRange'> | null,
  rows: readonly Pick<ComparisonRow, 'optionId' | 'feasible' | 'totalCost' | 'totalCostRange'>[],
): string[] {
  if (!cheapest || cheapest.totalCost === null) return [];
  const high = cheapest.totalCostRange?.high ?? cheapest.totalCost;
  return rows
    .filter((r) => r.feasible && r.optionId !== cheapest.optionId && r.totalCost !== null)
    .filter((r) => (r.totalCostRange?.low ?? r.totalCost!) <= high)
    .map((r) => r.optionId);
}

export function assemble(
  prepared: Prepared,
  evaluated: readonly Evaluated[],
  extraNotes: readonly string[] = [],
): Comparison {
  const s = prepared.scenario;
  const base = evaluated.map((ev) => ({ ev, row: rowOf(prepared, ev) }));
  const clouds = base.filter((b) => b.row.kind === 'cloud' && b.row.feasible && b.row.totalCost !== null);
  const cheapestCloud = clouds.sort((a, b) => (a.row.totalCost ?? 0) - (b.row.totalCost ?? 0))[0] ?? null;
  const allClouds = base.filter((b) => b.row.kind === 'cloud' && b.row.totalCost !== null && b.ev.cost);
  const rows: ComparisonRow[] = base.map(({ ev, row }) => {
    let breakEvenMonths: number | null = null;
    let breakEvenAgainst: string | null = null;
    const breakEvenVs: Record<string, number | null> = {};
    const notes = [...row.notes];
    if (row.kind !== 'cloud' && ev.cost) {
      for (const c of allClouds)
        breakEvenVs[c.row.optionId] = breakEven(ev.cost.cashflowMinor, c.ev.cost!.cashflowMinor).month;
      if (cheapestCloud?.ev.cost) {
        const be = breakEven(ev.cost.cashflowMinor, cheapestCloud.ev.cost.cashflowMinor);
        breakEvenAgainst = cheapestCloud.row.optionId;
        breakEvenMonths = be.month;
        if (be.month !== null)
          notes.push(`breaks even with ${cheapestCloud.row.optionId} (the cheapest cloud option) in month ${be.month}`);
        else if (be.beyondHorizonMonth !== null)
          notes.push(
            `does not break even with ${cheapestCloud.row.optionId} (the cheapest cloud option) within ${s.workload.horizonMonths} months; at the current monthly saving it would in month ${be.beyondHorizonMonth} (${formatDecimal(be.beyondHorizonMonth / 12, 1, 1)} years)`,
          );
        else
          notes.push(
            `never breaks even with ${cheapestCloud.row.optionId} (the cheapest cloud option): it costs more every month as well as upfront`,
          );
      } else notes.push('no cloud option that fits and keeps up to measure break-even against');
    }
    return {
      ...row,
      notes,
      rank: 0,
      breakEvenMonths,
      breakEvenAgainst,
      breakEvenVs: row.kind === 'cloud' ? null : breakEvenVs,
    };
  });
  const ranked = rankRows(rows).map((r, i) => ({ ...r, rank: i + 1 }));
  const cheapest = ranked.find((r) => r.feasible) ?? null;
  const uncertainAgainst = uncertainAgainstOf(cheapest, ranked);
  return {
    format: 'gpu-planner.comparison',
    scenario: s.name,
    currency: s.currency,
    rows: ranked,
    cheapestOptionId: cheapest?.optionId ?? null,
    cheapestCloudOptionId: cheapestCloud?.row.optionId ?? null,
    rankingUncertain: uncertainAgainst.length > 0,
    uncertainAgainst,
    workload: {
      runs: s.workload.runsPerMonth * s.workload.horizonMonths,
      tokensPerRun: prepared.tokensPerRun,
      horizonMonths: s.workload.horizonMonths,
      runsPerMonth: s.workload.runsPerMonth,
    },
    assumptions: assumptionsUsed(s),
    fx: [...prepared.converter.notes],
    notes: [...extraNotes, ...prepared.energyNotes],
  };
}
