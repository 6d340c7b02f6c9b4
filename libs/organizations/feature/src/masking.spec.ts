import { describe, expect, it } from '@jest/globals';
import { maskName, maskPhone } from './masking.js';

describe('masking members for analysts', () => {
  it('keeps only the family name', () => {
    expect(maskName('张小明')).toBe('张**');
    expect(maskName('李娜')).toBe('李*');
    expect(maskName('X')).toBe('*');
  });

  it('keeps only the carrier prefix and the last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('861******5678');
    expect(maskPhone('6543210')).toBe('***3210');
    expect(maskPhone(null)).toBeNull();
  });
});
