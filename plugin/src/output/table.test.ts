import { renderTable, tableLines } from './table.js';

describe('renderTable (kubectl get layout)', () => {
  const table = {
    headers: ['NAME', 'READY', 'STATUS', 'AGE'],
    rows: [
      ['trainer-0', '1/1', 'Running', '5s'],
      ['a', '0/1', 'Pending', '3m'],
    ],
  };

  it('pads each column to its widest cell plus 3, the last column not at all', () => {
    expect(renderTable(table)).toBe(
      'NAME        READY   STATUS    AGE\n' + 'trainer-0   1/1     Running   5s\n' + 'a           0/1     Pending   3m\n',
    );
  });

  it('keeps the minimum cell width of 6 for narrow columns', () => {
    expect(renderTable({ headers: ['A', 'B'], rows: [['x', 'y']] })).toBe('A     B\nx     y\n');
  });

  it('drops the header line with noHeaders and prints nothing for no rows', () => {
    expect(renderTable(table, { noHeaders: true })).toBe('trainer-0   1/1   Running   5s\na           0/1   Pending   3m\n');
    expect(renderTable({ headers: ['A'], rows: [] }, { noHeaders: true })).toBe('');
  });
});

describe('tableLines (simulate layout)', () => {
  it('pads with the given padding and no minimum width', () => {
    expect(
      tableLines(
        {
          headers: ['POD', 'NODE'],
          rows: [
            ['a', 'n1'],
            ['trainer-0', '-'],
          ],
        },
        { padding: 2, minWidth: 0 },
      ),
    ).toEqual(['POD        NODE', 'a          n1', 'trainer-0  -']);
  });
});
