import { describe, expect, it } from '@jest/globals';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('writes RFC 4180: CRLF line ends, quoting only fields that need it, quotes doubled, null as empty', () => {
    expect(
      toCsv(
        ['group', 'value', 'note'],
        [
          ['a', 1, null],
          ['b,c', 0.25, 'say "hi"'],
          ['line\nbreak', -3, 'cr\rhere'],
          ['  spaced  ', undefined, '社区'],
        ],
      ),
    ).toBe('group,value,note\r\na,1,\r\n"b,c",0.25,"say ""hi"""\r\n"line\nbreak",-3,"cr\rhere"\r\n  spaced  ,,社区\r\n');
  });

  it('writes a header line alone for no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });
});
