import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDuration,
  formatEnergy,
  formatGB,
  formatGiB,
  formatPower,
  formatStep,
  formatTokensPerSecond,
} from './format';

describe('numbers for the user', () => {
  it('shows memory in GB (10^9 bytes) with one decimal, and a card as labelled in GiB', () => {
    expect(formatGB(19_717_604_853, 'en')).toEqual({ value: '19.7', unit: 'gb' });
    expect(formatGB(1_604_400_000_000, 'en')).toEqual({ value: '1,604.4', unit: 'gb' });
    expect(formatGiB(80 * 2 ** 30, 'en')).toEqual({ value: '80', unit: 'gib' });
  });

  it('groups tokens per second', () => {
    expect(formatTokensPerSecond(62_855.2, 'en').value).toBe('62,855');
    expect(formatTokensPerSecond(42.25, 'en').value).toBe('42.3');
    expect(formatTokensPerSecond(62_855.2, 'zh-CN').value).toBe('62,855');
  });

  it('gives a run in minutes, hours or days', () => {
    expect(formatDuration(20 * 60, 'en')).toEqual({ value: '20', unit: 'min' });
    expect(formatDuration(84_342, 'en')).toEqual({ value: '23.4', unit: 'h' });
    expect(formatDuration(71.9 * 3600, 'en')).toEqual({ value: '71.9', unit: 'h' });
    expect(formatDuration(10 * 86_400, 'en')).toEqual({ value: '10.0', unit: 'days' });
  });

  it('gives a step in ms, s or min', () => {
    expect(formatStep(0.25, 'en')).toEqual({ value: '250', unit: 'ms' });
    expect(formatStep(2.5, 'en')).toEqual({ value: '2.50', unit: 's' });
    expect(formatStep(27.64, 'en')).toEqual({ value: '27.6', unit: 's' });
    expect(formatStep(300, 'en')).toEqual({ value: '5.0', unit: 'min' });
  });

  it('switches to kW and MWh for clusters', () => {
    expect(formatPower(700, 'en')).toEqual({ value: '700', unit: 'w' });
    expect(formatPower(72_352, 'en')).toEqual({ value: '72.4', unit: 'kw' });
    expect(formatEnergy(10.96, 'en')).toEqual({ value: '11.0', unit: 'kwh' });
    expect(formatEnergy(639.2, 'en')).toEqual({ value: '639', unit: 'kwh' });
    expect(formatEnergy(250_000, 'en')).toEqual({ value: '250.0', unit: 'mwh' });
  });

  it('shortens parameter and token counts', () => {
    expect(formatCount(6_910_365_696, 'en')).toEqual({ value: '6.91', unit: 'billions' });
    expect(formatCount(2e9, 'en')).toEqual({ value: '2', unit: 'billions' });
    expect(formatCount(37_478_400, 'en')).toEqual({ value: '37.5', unit: 'millions' });
    expect(formatCount(671e9, 'en')).toEqual({ value: '671', unit: 'billions' });
  });
});
