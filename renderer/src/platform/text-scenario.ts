import { makeAutoObservable } from 'mobx';
import type { DocumentModel, Translate } from './scenario-file';

export const SCENARIO_FORMAT = 'gpu-planner.scenario';

/**
 * Checks that a file is a scenario at all: JSON, with the scenario format marker. The scenario
 * screens check the rest (fields, versions) with the estimator's schema when they take over.
 */
export function checkScenarioText(text: string, fileName: string, t: Translate): void {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(t('desktop:file.notJson', { name: fileName, reason: (error as Error).message }));
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== SCENARIO_FORMAT)
    throw new Error(t('desktop:file.notScenario', { name: fileName }));
}

/**
 * The smallest DocumentModel: the scenario file as text. The File menu's tests drive ScenarioFile
 * through it, so they check the menu's flows without the scenario store (which has its own tests).
 */
export class TextScenario implements DocumentModel {
  text: string;

  constructor(private readonly t: Translate) {
    this.text = this.newText();
    makeAutoObservable<TextScenario, 't'>(this, { t: false });
  }

  setText(text: string): void {
    this.text = text;
  }

  serialize(): string {
    return this.text;
  }

  load(text: string, fileName: string): void {
    checkScenarioText(text, fileName, this.t);
    this.text = text;
  }

  restore(text: string): void {
    this.text = text;
  }

  reset(): void {
    this.text = this.newText();
  }

  suggestedName(): string {
    try {
      const name = (JSON.parse(this.text) as { name?: unknown }).name;
      if (typeof name === 'string' && name.trim()) return name.trim();
    } catch {
      // Unparsable text still saves (the user may be mid-edit); it just gets the default name.
    }
    return this.t('desktop:file.untitled');
  }

  private newText(): string {
    const scenario = {
      format: SCENARIO_FORMAT,
      version: 1,
      name: this.t('desktop:file.untitled'),
      currency: 'USD',
      workload: {},
      assumptions: {},
      options: [],
    };
    return `${JSON.stringify(scenario, null, 2)}\n`;
  }
}
