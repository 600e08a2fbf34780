import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/locales/en/catalog.json';
import zh from '../i18n/locales/zh-CN/catalog.json';
import { localizeProblem } from './problems';

let t: { en: TFunction; zh: TFunction };
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { catalog: en }, 'zh-CN': { catalog: zh } },
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  t = { en: instance.getFixedT('en'), zh: instance.getFixedT('zh-CN') };
});

describe('problems from the catalog checks, in the user’s language', () => {
  const samples = [
    'row 12 (h100-x), field price.amount: must be ≥ 0',
    'systems: row 3 (dgx), field gpu: must be the id of a GPU in the catalog; there is no GPU "h900"',
    'row 2, column price.ammount: is not a field of a system row',
    'row 4: has 3 cells but the header has 19',
    'priceUsed.amount: must be ≥ 0',
    'row 5 (a), field id: duplicates row 4; ids must be unique',
    'the file is not valid JSON (Unexpected token)',
    '… and 12 more problems',
  ];

  it('reads in English as the catalog wrote it, a table named as its tab', () => {
    const english = (problem: string) => localizeProblem(problem, t.en).replace(/[“”]/g, '"');
    for (const problem of samples.filter((p) => !p.startsWith('systems:'))) expect(english(problem)).toBe(problem);
    expect(english(samples[1]!)).toBe(samples[1]!.replace(/^systems/, 'Systems'));
  });

  it('reads in Chinese with the row, field and message translated and the field path kept', () => {
    expect(localizeProblem(samples[0]!, t.zh)).toBe('第 12 行（h100-x），字段 price.amount：必须 ≥ 0');
    expect(localizeProblem(samples[1]!, t.zh)).toBe(
      '服务器与工作站：第 3 行（dgx），字段 gpu：必须是目录中某个 GPU 的 ID；目录中没有 GPU“h900”',
    );
    expect(localizeProblem(samples[2]!, t.zh)).toBe('第 2 行，列 price.ammount：不是服务器行的字段');
    expect(localizeProblem('notes: something new the app never said', t.zh)).toBe(
      'notes：something new the app never said',
    );
    expect(localizeProblem('a sentence with no frame', t.zh)).toBe('a sentence with no frame');
  });
});
