import { InvocationContext, type LogLevel } from '@azure/functions';
import {
  ApiError,
  badRequest,
  conflict,
  errorResponse,
  forbidden,
  notFound,
  payloadTooLarge,
  unauthorized,
  unsupportedMediaType,
} from '../../../shared/api/errors';

function contextWithLogs() {
  const logs: [LogLevel, unknown[]][] = [];
  const context = new InvocationContext({
    functionName: 'unit',
    invocationId: 'inv-123',
    logHandler: (level, ...args) => logs.push([level, args]),
  });
  return { context, logs };
}

describe('errors', () => {
  it.each([
    [badRequest('bad'), 400, 'badRequest'],
    [unauthorized('no token'), 401, 'unauthorized'],
    [forbidden('no'), 403, 'forbidden'],
    [notFound('gone'), 404, 'notFound'],
    [conflict('busy'), 409, 'conflict'],
    [payloadTooLarge(10), 413, 'payloadTooLarge'],
    [unsupportedMediaType('application/json'), 415, 'unsupportedMediaType'],
  ])('factory %# maps to status and code', (error, status, code) => {
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    const response = errorResponse(error);
    expect(response.status).toBe(status);
    expect(response.jsonBody).toEqual({
      error: expect.objectContaining({ code, message: error.message }),
    });
  });

  it('keeps details and headers of an ApiError', () => {
    const response = errorResponse(
      badRequest('Invalid', { issues: [{ path: 'a' }] }, 'validationFailed'),
    );
    expect(response.jsonBody).toEqual({
      error: { code: 'validationFailed', message: 'Invalid', details: { issues: [{ path: 'a' }] } },
    });
    const challenge = errorResponse(unauthorized('The token has expired.'));
    expect(challenge.headers).toEqual({
      'WWW-Authenticate':
        'Bearer realm="entra-backup", error="invalid_token", error_description="The token has expired."',
    });
  });

  it('omits details when there are none', () => {
    expect(errorResponse(notFound('gone')).jsonBody).toEqual({
      error: { code: 'notFound', message: 'gone' },
    });
  });

  it('turns unknown errors into a generic 500 and logs the real one', () => {
    const { context, logs } = contextWithLogs();
    const response = errorResponse(new Error('connection string AccountKey=abc broke'), context);
    expect(response.status).toBe(500);
    expect(response.jsonBody).toEqual({
      error: {
        code: 'internalError',
        message: 'An unexpected error occurred.',
        details: { invocationId: 'inv-123' },
      },
    });
    expect(JSON.stringify(response)).not.toContain('AccountKey');
    expect(logs).toHaveLength(1);
    expect(logs[0][0]).toBe('error');
    expect(String(logs[0][1][1])).toContain('AccountKey=abc broke');
  });

  it('handles thrown non-errors', () => {
    const response = errorResponse('just a string');
    expect(response.status).toBe(500);
    expect(response.jsonBody).toEqual({
      error: { code: 'internalError', message: 'An unexpected error occurred.' },
    });
  });
});
