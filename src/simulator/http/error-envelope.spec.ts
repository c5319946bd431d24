import { errorBody, vocabularyForPath } from './error-envelope';

describe(errorBody.name, () => {
  it('uses the vocabulary of the resource family', () => {
    const code = (path: string, status: number, kind?: Parameters<typeof errorBody>[4]): string =>
      (errorBody('current', vocabularyForPath(path), status, 'm', kind) as { errorCode: string })
        .errorCode;
    expect(code('/data-services/v1beta1/async-operations', 401)).toBe('UNAUTHENTICATED');
    expect(code('/data-services/v1beta1/async-operations/x', 400, 'invalidParameter')).toBe(
      'INVALID_PARAMETER',
    );
    expect(code('/data-services/v1beta1/tags', 401)).toBe('HPE_GL_ERROR_UNAUTHORIZED');
    expect(code('/data-services/v1beta1/software-releases/x/download', 403, 'releaseDenied')).toBe(
      'HPE_GL_DATA_SERVICES_RELEASE_DENIED',
    );
    expect(code('/data-services/v1beta1/software-upgrades', 400, 'invalidParameter')).toBe(
      'HPE_GL_DATA_SERVICES_INVALID_PARAMETER',
    );
    expect(code('/data-services/v1beta1/issues', 429)).toBe('HPE_GL_ERROR_TOO_MANY_REQUESTS');
    expect(code('/virtualization/v1beta1/virtual-machines', 418)).toBe('HPE_GL_ERROR_BAD_REQUEST');
    expect(code('/data-services/v1beta1/issues', 599)).toBe('HPE_GL_ERROR_INTERNAL_SERVER_ERROR');
  });

  it('has the four fields of the current envelope, with a 32-hex debugId', () => {
    expect(errorBody('current', 'platform', 404, 'Not here')).toEqual({
      httpStatusCode: 404,
      errorCode: 'HPE_GL_ERROR_NOT_FOUND',
      message: 'Not here',
      debugId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it('has the 2024 shape in legacy mode, the status as errorCode', () => {
    expect(errorBody('legacy', 'platform', 422, 'Missing required field(s)')).toEqual({
      error: 'Missing required field(s)',
      errorCode: '422',
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });
});
