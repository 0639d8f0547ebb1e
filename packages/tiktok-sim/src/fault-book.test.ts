import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFaultBook } from './fault-book.ts';
import { SimInputError } from './sim-input-error.ts';

test('an item fault wins over a * fault, and times counts uses', () => {
  const book = createFaultBook();
  book.set('*', { kind: 'status_5xx' });
  book.set('111', { kind: 'status_5xx', times: 2 });
  const first = book.find('111', 'status_5xx');
  assert.equal(first?.target, '111');
  if (first) book.use(first);
  const second = book.find('111', 'status_5xx');
  assert.equal(second?.target, '111');
  if (second) book.use(second);
  assert.equal(book.find('111', 'status_5xx')?.target, '*', 'after two uses only * is left');
  assert.equal(book.find(undefined, 'status_5xx')?.target, '*');
  assert.equal(book.find('222', 'login_wall'), undefined);
});

test('setting the same kind again replaces it; clear removes all', () => {
  const book = createFaultBook();
  book.set('1', { kind: 'slow_body', bytesPerSecond: 10 });
  book.set('1', { kind: 'slow_body', bytesPerSecond: 99 });
  assert.equal(book.list().length, 1);
  assert.equal(book.find('1', 'slow_body')?.fault.bytesPerSecond, 99);
  book.clear();
  assert.deepEqual(book.list(), []);
});

test('the accepts filter narrows by fault parameters', () => {
  const book = createFaultBook();
  book.set('*', { kind: 'status_429', on: 'media' });
  assert.equal(
    book.find('1', 'status_429', (f) => f.on === 'page'),
    undefined,
  );
  assert.ok(book.find('1', 'status_429', (f) => f.on === 'media'));
});

test('bad faults are refused with SimInputError', () => {
  const book = createFaultBook();
  const bad: unknown[] = [
    { kind: 'nope' },
    { kind: 'slow_body' },
    { kind: 'truncate_after', bytes: -1 },
    { kind: 'status_429', on: 'cdn' },
    { kind: 'media_404', times: 0 },
  ];
  for (const fault of bad) {
    assert.throws(() => book.set('*', fault as never), SimInputError, JSON.stringify(fault));
  }
  assert.throws(() => book.set('', { kind: 'media_404' }), SimInputError);
});
