import { formatQuantity } from '../scenario/money';

/** `40.8 kW`, `20 kW`: at most two decimals, as the notes and the quote print power. */
export const kw = (value: number): string => `${formatQuantity(value, 2)} kW`;

/** `139,215 BTU/h`. */
export const btu = (value: number): string => `${formatQuantity(Math.round(value), 0)} BTU/h`;

/** `11.6 tons`. */
export const tonsText = (value: number): string => `${formatQuantity(value, 2)} tons`;

/** `1 rack`, `4 racks`. */
export const plural = (n: number, noun: string): string => `${formatQuantity(n)} ${noun}${n === 1 ? '' : 's'}`;
