import { formatDecimal } from '../scenario/money';
import type { Pricing } from '../scenario/rows';
import { cashflow } from './cashflow';
import { amountText, count, line, pct, priceSource, qty, totalOf } from './lines';
import type { CostLine, Finance, OptionCost, PriceRef, RunProfile } from './types';

/**
 * Cloud instances over the horizon.
 *
 * on-demand:  runs × hoursPerRun × instances × price/h
 * spot:       the same hours, plus what spot costs on top, each its own line:
 *               checkpoint saves   h × save/interval                (the job pauses to write state)
 *               interruptions      an interruption arrives every 1/(λ × instances) hours of the job and
 *                                  throws away on average half a checkpoint interval of work plus the
 *                                  restart; since re-done work can itself be interrupted, the expected
 *                                  wall time is T = h × (1 + save/interval) / (1 − λ × instances × (interval/2 + restart))
 *               spotOverhead       T × spotOverhead (price drift, slower capacity; in v1 files the whole overhead)
 * reserved-1y/3y: the commitment is paid for the whole term whether used or not:
 *               reservedInstances × 12 or 36 months × hoursPerMonth × price/h per term, as many terms as
 *               the horizon needs (the last term is paid in full even if the horizon ends sooner).
 *               Work that does not fit in the committed hours (more instances per run than reserved,
 *               or more hours a month than the reservation has) runs on-demand.
 * Cloud prices include power and cooling: energy is reported, not costed.
 */

export interface CloudOffer {
  readonly label: string;
  readonly pricing: Pricing;
  /** Per instance-hour at `pricing`. */
  readonly price: PriceRef;
  /** Per instance-hour on-demand, for reserved overflow; null when the offer has none. */
  readonly onDemand: PriceRef | null;
  /** Instances one run uses. */
  readonly instances: number;
  /** Reserved: instances committed (default `instances`). */
  readonly reservedInstances?: number;
  /** Reserved: how the commitment is paid (default `fin.reservedPayment`). */
  readonly payment?: 'monthly' | 'upfront';
}

/** Months in a reserved term. */
export const TERM_MONTHS: Record<'reserved-1y' | 'reserved-3y', number> = { 'reserved-1y': 12, 'reserved-3y': 36 };

export interface SpotHours {
  /** Base hours (no spot effects). */
  readonly base: number;
  readonly checkpointSaves: number;
  readonly interruptions: number;
  readonly overhead: number;
  /** base + saves + interruptions + overhead. */
  readonly total: number;
  /** λ × instances × (interval/2 + restart): the share of time lost to interruptions (must stay below 1). */
  readonly lossShare: number;
  /** Young (1974): √(2 × save × mean time between interruptions), minutes; null without interruptions. */
  readonly youngOptimumMinutes: number | null;
}

/** Expected billed hours of one spot run of `hours` on `instances` instances. */
export function spotHours(hours: number, instances: number, fin: Finance): SpotHours {
  const s = fin.spot;
  const interval = s.checkpointIntervalMinutes / 60;
  const save = s.checkpointSaveMinutes / 60;
  const restart = s.restartMinutes / 60;
  const rate = s.interruptionsPerHour * instances;
  const withSaves = hours * (1 + save / interval);
  const lossShare = rate * (interval / 2 + restart);
  const wall = lossShare < 1 ? withSaves / (1 - lossShare) : Number.POSITIVE_INFINITY;
  const overhead = wall * fin.spotOverhead;
  return {
    base: hours,
    checkpointSaves: withSaves - hours,
    interruptions: wall - withSaves,
    overhead,
    total: wall + overhead,
    lossShare,
    youngOptimumMinutes: rate > 0 && save > 0 ? Math.sqrt(2 * s.checkpointSaveMinutes * (60 / rate)) : null,
  };
}

export function costCloud(offer: CloudOffer, run: RunProfile, fin: Finance): OptionCost {
  const c = fin.currency;
  const H = fin.horizonMonths;
  const runs = fin.runsPerMonth * H;
  const n = offer.instances;
  const price = offer.price.amount;
  const lines: CostLine[] = [];
  const notes: string[] = [];
  let feasible = true;
  let hoursPerRun = run.hoursPerRun;
  let utilization: number | null = null;

  const hoursLine = (id: string, label: string, hours: number, unitPrice: PriceRef, what: string) =>
    line({
      id,
      label,
      kind: 'opex',
      amount: runs * hours * n * unitPrice.amount,
      currency: c,
      formula: `${qty(runs)} runs × ${qty(hours, 'h', 3)}${what} × ${count(n, 'instance')} × ${amountText(unitPrice.amount, c, '/h')}`,
      inputs: { runs, hoursPerRun: hours, instances: n, pricePerInstanceHour: unitPrice.amount },
      source: priceSource(unitPrice),
      paidAt: 'monthly',
    });

  if (offer.pricing === 'on-demand') {
    lines.push(hoursLine('cloud-hours', `${offer.label}, on-demand`, run.hoursPerRun, offer.price, ''));
  } else if (offer.pricing === 'spot') {
    const sh = spotHours(run.hoursPerRun, n, fin);
    if (!Number.isFinite(sh.total)) {
      feasible = false;
      notes.push(
        `spot cannot finish: an interruption every ${formatDecimal(1 / (fin.spot.interruptionsPerHour * n), 1, 1)} h loses ${formatDecimal(fin.spot.checkpointIntervalMinutes / 2 + fin.spot.restartMinutes, 0, 0)} min on average, as much as it gains; checkpoint more often`,
      );
      hoursPerRun = Number.POSITIVE_INFINITY;
    } else {
      hoursPerRun = sh.total;
      lines.push(hoursLine('cloud-hours', `${offer.label}, spot`, sh.base, offer.price, ''));
      if (sh.checkpointSaves > 0)
        lines.push(
          hoursLine(
            'spot-checkpoints',
            'Spot: checkpoint saves',
            sh.checkpointSaves,
            offer.price,
            ` (${qty(fin.spot.checkpointSaveMinutes)} min every ${qty(fin.spot.checkpointIntervalMinutes)} min)`,
          ),
        );
      if (sh.interruptions > 0)
        lines.push(
          hoursLine(
            'spot-interruptions',
            'Spot: re-done work and restarts after interruptions',
            sh.interruptions,
            offer.price,
            ` (${pct(Math.round(sh.lossShare * 10000) / 10000)} lost: ${qty(fin.spot.interruptionsPerHour)}/instance-h × ${qty(n)} × (${qty(fin.spot.checkpointIntervalMinutes / 2)} + ${qty(fin.spot.restartMinutes)} min))`,
          ),
        );
      if (sh.overhead > 0)
        lines.push(
          hoursLine(
            'spot-overhead',
            'Spot: other overhead (spotOverhead)',
            sh.overhead,
            offer.price,
            ` (${pct(fin.spotOverhead)} of ${qty(sh.base + sh.checkpointSaves + sh.interruptions, 'h', 3)})`,
          ),
        );
      notes.push(
        `spot: ${qty(sh.base, 'h', 2)} of training take ${qty(sh.total, 'h', 2)} billed (checkpoints, interruptions, spotOverhead ${pct(fin.spotOverhead)})`,
      );
      if (sh.youngOptimumMinutes !== null) {
        const ratio = fin.spot.checkpointIntervalMinutes / sh.youngOptimumMinutes;
        if (ratio > 2 || ratio < 0.5)
          notes.push(
            `checkpointing every ${qty(fin.spot.checkpointIntervalMinutes)} min; at this interruption rate about every ${qty(sh.youngOptimumMinutes, '', 0)} min would waste least (Young 1974)`,
          );
      }
      if (sh.lossShare > 0.5)
        notes.push(
          `spot loses ${pct(Math.round(sh.lossShare * 1000) / 1000)} of its time to interruptions: on-demand or reserved may finish sooner`,
        );
    }
  } else {
    const term = TERM_MONTHS[offer.pricing];
    const reserved = offer.reservedInstances ?? n;
    const payment = offer.payment ?? fin.reservedPayment;
    const terms = Math.ceil(H / term);
    const paidMonths = terms * term;
    const committedHours = reserved * paidMonths * fin.hoursPerMonth;
    // Work per month on reserved instances: each run uses min(n, reserved) of them; capacity is reserved × hoursPerMonth.
    const onReservedPerMonth = fin.runsPerMonth * run.hoursPerRun * Math.min(n, reserved);
    const capacityPerMonth = reserved * fin.hoursPerMonth;
    const usedPerMonth = Math.min(onReservedPerMonth, capacityPerMonth);
    const overflowPerMonth = fin.runsPerMonth * run.hoursPerRun * n - usedPerMonth;
    utilization = (usedPerMonth * H) / committedHours;
    const installments =
      payment === 'upfront'
        ? { months: Array.from({ length: terms }, (_, i) => i * term) }
        : paidMonths > H
          ? // monthly over the term; what falls after the horizon is still owed, counted at its end
            { months: Array.from({ length: paidMonths }, (_, i) => Math.min(i + 1, H)) }
          : ('monthly' as const);
    lines.push(
      line({
        id: 'reserved-commitment',
        label: `${offer.label}, ${offer.pricing} commitment (${payment === 'upfront' ? 'paid upfront' : 'paid monthly'})`,
        kind: 'opex',
        amount: committedHours * price,
        currency: c,
        formula: `${count(reserved, 'instance')} × ${count(terms, 'term')} × ${qty(term)} months × ${qty(fin.hoursPerMonth)} h × ${amountText(price, c, '/h')}`,
        inputs: {
          reservedInstances: reserved,
          terms,
          termMonths: term,
          hoursPerMonth: fin.hoursPerMonth,
          pricePerInstanceHour: price,
          payment,
        },
        source: priceSource(offer.price),
        paidAt: installments,
      }),
    );
    notes.push(
      `reserved: ${formatDecimal(usedPerMonth, 1, 1)} of ${formatDecimal(capacityPerMonth, 0, 0)} committed instance-hours used a month (${pct(Math.round(utilization * 1000) / 1000)} over the commitment); the rest is paid and idle`,
    );
    if (paidMonths > H)
      notes.push(
        `the last ${offer.pricing} term runs ${paidMonths - H} months past the ${H}-month horizon and is paid in full`,
      );
    if (overflowPerMonth > 1e-9) {
      if (offer.onDemand) {
        lines.push(
          line({
            id: 'reserved-overflow',
            label: `${offer.label}, on-demand beyond the commitment`,
            kind: 'opex',
            amount: overflowPerMonth * H * offer.onDemand.amount,
            currency: c,
            formula: `${qty(overflowPerMonth, 'instance-h', 2)}/month × ${qty(H)} months × ${amountText(offer.onDemand.amount, c, '/h')}`,
            inputs: { overflowHoursPerMonth: overflowPerMonth, months: H, pricePerInstanceHour: offer.onDemand.amount },
            source: priceSource(offer.onDemand),
            paidAt: 'monthly',
          }),
        );
        notes.push(
          `${formatDecimal(overflowPerMonth, 1, 1)} instance-hours a month exceed the commitment and run on-demand`,
        );
      } else {
        feasible = false;
        notes.push(
          `needs ${formatDecimal(overflowPerMonth, 1, 1)} instance-hours a month beyond the commitment and the offer has no on-demand price: reserve more instances`,
        );
      }
    }
  }

  const capex = totalOf(c, lines, 'capex');
  const opex = totalOf(c, lines, 'opex');
  return {
    lines,
    capex,
    opex,
    residual: { amountMinor: 0, currency: c },
    total: { amountMinor: capex.amountMinor + opex.amountMinor, currency: c },
    cashflowMinor: cashflow(lines, H),
    hoursPerRun,
    totalHours: hoursPerRun * runs,
    feasible,
    notes,
    utilization,
    nameplateKW: null,
  };
}
