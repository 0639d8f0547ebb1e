import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ERRORS, isAppError } from '../errors.ts';
import { errorCodeForPageError, PAGE_ERROR_CODES, pageErrorToAppError } from './page-error.ts';

describe('page errors → AppError', () => {
  test('every page error maps to an existing error code', () => {
    for (const code of PAGE_ERROR_CODES) assert.ok(Object.hasOwn(ERRORS, errorCodeForPageError(code)), code);
  });

  test('the login wall is login_required and an unreadable page is a retryable upstream_error', () => {
    assert.equal(errorCodeForPageError('login_wall'), 'login_required');
    assert.equal(errorCodeForPageError('no_data'), 'upstream_error');
    assert.equal(ERRORS[errorCodeForPageError('no_data')].retry, true);
  });

  test('the AppError keeps the raw status for the record', () => {
    const error = pageErrorToAppError({
      code: 'unknown_status',
      statusCode: 10235,
      statusMsg: 'odd',
      layout: 'universal',
    });
    assert.ok(isAppError(error));
    assert.equal(error.code, 'unknown_status');
    assert.deepEqual(error.detail, {
      pageError: 'unknown_status',
      statusCode: 10235,
      statusMsg: 'odd',
      layout: 'universal',
    });
    assert.match(error.message, /10235/);
  });

  test('a caller may override the code (story context)', () => {
    const error = pageErrorToAppError(
      { code: 'deleted', statusCode: 10204, statusMsg: 'status_deleted', layout: 'universal' },
      'story_expired',
    );
    assert.equal(error.code, 'story_expired');
  });
});
