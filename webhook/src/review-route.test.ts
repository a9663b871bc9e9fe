import { reviewEndpointOf } from './review-route.js';

describe('reviewEndpointOf', () => {
  it.each([
    ['/validate', 'validate'],
    ['/mutate', 'mutate'],
    // The API server appends the webhook timeout to the configured path.
    ['/validate?timeout=10s', 'validate'],
    ['/Mutate/', 'mutate'],
  ])('routes POST %s to %s', (url, endpoint) => {
    expect(reviewEndpointOf('POST', url)).toBe(endpoint);
  });

  it.each([
    ['GET', '/validate'],
    ['POST', '/validate/x'],
    ['POST', '/healthz'],
    ['POST', '/'],
  ])('leaves %s %s to the other routes', (method, url) => {
    expect(reviewEndpointOf(method, url)).toBeUndefined();
  });
});
