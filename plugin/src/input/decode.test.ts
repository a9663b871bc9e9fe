import { decodeFiles } from './decode.js';

describe('decodeFiles', () => {
  it('gives each file its UTF-8 text, in order, whether it is ASCII or not', () => {
    const texts = ['kind: Pod\n', 'name: é\n', '', '\ufeffkind: Job\n', 'a: 1\n---\nb: 2\n', 'bad: \xff'];
    const files = texts.map((text, i) => (i === 5 ? Buffer.from([0x62, 0x61, 0x64, 0x3a, 0x20, 0xff]) : Buffer.from(text, 'utf8')));
    expect(decodeFiles(files)).toEqual(files.map((bytes) => bytes.toString('utf8')));
    expect(decodeFiles(files)[4]).toBe('a: 1\n---\nb: 2\n');
  });
});
