import { renderFieldError } from '@kubectl-workload/api';
import { validateMetadataName, validateMetadataNamespace, validateMetadataUpdate } from './object-meta.js';

describe('ObjectMeta validators', () => {
  it('requires a name or generateName', () => {
    expect(validateMetadataName({}).map(renderFieldError)).toEqual(['metadata.name: Required value: name or generateName is required']);
    expect(validateMetadataName({ generateName: 'job-' })).toEqual([]);
  });
  it('checks generateName with its trailing dash masked, reporting the value as written', () => {
    expect(validateMetadataName({ generateName: 'Job-' }).map(renderFieldError)[0]).toMatch(
      /^metadata\.generateName: Invalid value: "Job-": a lowercase RFC 1123 subdomain/,
    );
  });
  it('treats an absent namespace as the request namespace', () => {
    expect(validateMetadataNamespace({ name: 'a' })).toEqual([]);
    expect(validateMetadataNamespace({ namespace: 'a.b' }).map(renderFieldError)).toEqual([
      'metadata.namespace: Invalid value: "a.b": must not contain dots',
    ]);
  });
  it('reports a changed name with the new value', () => {
    expect(validateMetadataUpdate({ name: 'b', namespace: 'x' }, { name: 'a', namespace: 'y' }).map(renderFieldError)).toEqual([
      'metadata.name: Invalid value: "b": field is immutable',
      'metadata.namespace: Invalid value: "x": field is immutable',
    ]);
  });
});
