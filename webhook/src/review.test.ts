import { BadReviewError, parseAdmissionRequest } from './review.js';

const base = { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' };

describe('parseAdmissionRequest', () => {
  it.each([
    ['a non-object', 'x', 'expected an AdmissionReview object, got "x"'],
    ['an array', [], 'expected an AdmissionReview object, got an array'],
    [
      'v1beta1',
      { ...base, apiVersion: 'admission.k8s.io/v1beta1', request: {} },
      'expected apiVersion admission.k8s.io/v1, kind AdmissionReview; got apiVersion "admission.k8s.io/v1beta1", kind "AdmissionReview"',
    ],
    ['no request', base, 'request: expected an object, got undefined'],
    ['no uid', { ...base, request: { operation: 'CREATE' } }, 'request.uid: expected a non-empty string, got undefined'],
    ['an empty uid', { ...base, request: { uid: '', operation: 'CREATE' } }, 'request.uid: expected a non-empty string, got ""'],
    ['no operation', { ...base, request: { uid: 'u' } }, 'request.operation: expected a string, got undefined'],
    [
      'a scalar object',
      { ...base, request: { uid: 'u', operation: 'CREATE', object: 7 } },
      'request.object: expected an object, got number',
    ],
    [
      'a bad kind',
      { ...base, request: { uid: 'u', operation: 'CREATE', kind: { kind: 3 } } },
      'request.kind: group, version and kind must be strings',
    ],
  ])('rejects %s naming the field', (_name, body, message) => {
    expect(() => parseAdmissionRequest(body)).toThrow(new BadReviewError(message));
  });

  it('reads the fields the webhook uses', () => {
    const object = { apiVersion: 'v1', kind: 'Pod' };
    expect(
      parseAdmissionRequest({
        ...base,
        request: {
          uid: 'u',
          operation: 'UPDATE',
          subResource: 'status',
          name: 'p',
          namespace: 'n',
          object,
          oldObject: null,
          kind: { group: '', version: 'v1', kind: 'Pod' },
        },
      }),
    ).toEqual({
      uid: 'u',
      operation: 'UPDATE',
      subResource: 'status',
      name: 'p',
      namespace: 'n',
      object,
      oldObject: null,
      kind: { group: '', version: 'v1', kind: 'Pod' },
    });
  });
});
