import { describe, expect, it } from 'vitest';
import { hasNoWords, matchKey, normalizeText } from '../../functions/src/search/normalize.ts';
import { tokenize } from '../../functions/src/search/tokenize.ts';

describe('normalisation for matching', () => {
  it('turns Thai digits into Arabic and separates digit runs from words', () => {
    expect(normalizeText('ปี๒๕๖๘ได้งบ')).toBe('ปี 2568 ได้งบ');
  });

  it('keeps numbering and amounts as one run', () => {
    expect(normalizeText('ข้อ 2.1 งบ 30,000 บาท')).toBe('ข้อ 2.1 งบ 30,000 บาท');
  });

  it('collapses letters repeated for emphasis but keeps legitimate double letters', () => {
    expect(normalizeText('มีมั้ยยย')).toBe('มีมั้ย');
    expect(normalizeText('ธรรมาภิบาล สัมมนา')).toBe('ธรรมาภิบาล สัมมนา');
  });

  it('keeps a triple อ where two words meet', () => {
    expect(normalizeText('ย้ายชื่อออก')).toBe('ย้ายชื่อออก');
  });

  it('drops OCR noise letters from Lao and Khmer blocks, markup and zero-width characters', () => {
    expect(normalizeText('โคร\u0EA1งการ **สำคัญ** <p>ทดสอบ</p>\u200b')).toBe('โครงการ สำคัญ ทดสอบ');
  });

  it('lowercases English', () => {
    expect(normalizeText('NO Gift Policy')).toBe('no gift policy');
  });

  it('matches tone-mark variants to the same key', () => {
    expect(matchKey('ไหม')).toBe(matchKey('ไหม้'));
    expect(matchKey('อิเล็กทรอนิกส์')).toBe(matchKey('อิเลกทรอนิกส'));
  });

  it('recognises input with no words at all', () => {
    expect(hasNoWords('😀👍🙏')).toBe(true);
    expect(hasNoWords('?? !!')).toBe(true);
    expect(hasNoWords('คิว')).toBe(false);
  });
});

describe('tokenisation', () => {
  it('makes a compound a term whether the segmenter split it or not', () => {
    const split = tokenize('งบ ประมาณ');
    const joined = tokenize('งบประมาณ');
    expect(split).toContain('งบประมาณ');
    expect(joined).toContain('งบประมาณ');
  });

  it('drops colloquial particles and question words from queries only', () => {
    const q = tokenize('ต้องใช้อะไรบ้างคะ', { dropStopwords: true });
    expect(q).not.toContain('คะ');
    expect(q).not.toContain('อะไร');
    expect(tokenize('อะไร')).toContain('อะไร');
  });
});
