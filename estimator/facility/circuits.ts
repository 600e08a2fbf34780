import { formatQuantity } from '../scenario/money';
import { CONTINUOUS_LOAD_FACTOR, POWER_FACTOR } from './defaults';

/** A branch circuit feeding one rack PDU. */
export interface Circuit {
  readonly id: string;
  readonly label: string;
  /** Line-to-line for three-phase. */
  readonly volts: number;
  /** Breaker rating. */
  readonly amps: number;
  readonly phases: 1 | 3;
}

/** The circuits rack PDUs are sold for: North American 208 V and IEC 400/415 V, three-phase, plus two single-phase. */
export const STANDARD_CIRCUITS = [
  { id: '208v-30a-3ph', label: '3-phase 208 V 30 A', volts: 208, amps: 30, phases: 3 },
  { id: '208v-60a-3ph', label: '3-phase 208 V 60 A', volts: 208, amps: 60, phases: 3 },
  { id: '415v-32a-3ph', label: '3-phase 415 V 32 A', volts: 415, amps: 32, phases: 3 },
  { id: '415v-63a-3ph', label: '3-phase 415 V 63 A', volts: 415, amps: 63, phases: 3 },
  { id: '208v-30a-1ph', label: 'single-phase 208 V 30 A', volts: 208, amps: 30, phases: 1 },
  { id: '230v-32a-1ph', label: 'single-phase 230 V 32 A', volts: 230, amps: 32, phases: 1 },
] as const satisfies readonly Circuit[];

export type StandardCircuitId = (typeof STANDARD_CIRCUITS)[number]['id'];
export const CIRCUIT_IDS = STANDARD_CIRCUITS.map((c) => c.id) as [StandardCircuitId, ...StandardCircuitId[]];

export const circuitById = (id: StandardCircuitId): Circuit => STANDARD_CIRCUITS.find((c) => c.id === id)!;

/**
 * What a circuit may carry continuously, kW: √3 × V × A × 0.8 × PF for three-phase, V × A × 0.8 × PF
 * for single-phase (0.8: the continuous-load rule; PF: the servers' power factor).
 */
export function usableKW(c: Circuit): number {
  const phaseFactor = c.phases === 3 ? Math.sqrt(3) : 1;
  return (phaseFactor * c.volts * c.amps * CONTINUOUS_LOAD_FACTOR.value * POWER_FACTOR.value) / 1000;
}

/** `√3 × 208 V × 60 A × 0.8 × 0.95 = 16.43 kW`, for the quote. */
export function usableKWFormula(c: Circuit): string {
  const phase = c.phases === 3 ? '√3 × ' : '';
  return `${phase}${c.volts} V × ${c.amps} A × ${CONTINUOUS_LOAD_FACTOR.value} × ${POWER_FACTOR.value} = ${formatQuantity(usableKW(c), 2)} kW`;
}

/** Circuits one feed of a rack needs for its load (at least one: every rack gets power). */
export function circuitsPerFeed(rackKW: number, c: Circuit): number {
  return Math.max(1, Math.ceil(rackKW / usableKW(c) - 1e-9));
}

/**
 * The circuit to plan with when the site names none: the North American 208 V three-phase family
 * (the default prices are US ones), 30 A when it carries the most loaded rack on one circuit, else 60 A.
 */
export function defaultCircuit(rackKWMax: number): Circuit {
  const small = circuitById('208v-30a-3ph');
  return rackKWMax <= usableKW(small) + 1e-9 ? small : circuitById('208v-60a-3ph');
}
