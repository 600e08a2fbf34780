export const SCENARIO_EXTENSION = '.gpuplan.json';

/** A name safe on every system: no folders, no reserved characters, never empty. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').replace(/^[.\s]+|[.\s]+$/g, '');
  return cleaned.slice(0, 150) || 'scenario';
}

/** `Q3 plan` → `Q3 plan.gpuplan.json`; a name that already ends in .json keeps one extension. */
export function scenarioFileName(name: string): string {
  return `${safeFileName(name).replace(/\.gpuplan\.json$|\.json$/i, '') || 'scenario'}${SCENARIO_EXTENSION}`;
}

export function withExtension(name: string, extension: string): string {
  const safe = safeFileName(name);
  return safe.toLowerCase().endsWith(extension.toLowerCase()) ? safe : `${safe}${extension}`;
}
