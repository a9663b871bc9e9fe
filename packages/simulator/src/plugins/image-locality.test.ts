import { attempt, node, pod, setup } from '../test-support/builders.js';
import { normalizedImageName } from './image-locality.js';

const MB = 1024 * 1024;
const withImages = (name: string, images: { names: string[]; sizeBytes: number }[]) => ({
  ...node(name),
  status: { ...node(name).status, images },
});

describe('ImageLocality', () => {
  it('adds :latest to untagged names only', () => {
    expect(normalizedImageName('nginx')).toBe('nginx:latest');
    expect(normalizedImageName('registry:5000/team/app')).toBe('registry:5000/team/app:latest');
    expect(normalizedImageName('nginx:1.25')).toBe('nginx:1.25');
    expect(normalizedImageName('nginx@sha256:abc')).toBe('nginx@sha256:abc');
  });

  it('scores size × spread, clamped to [23 MiB, 1000 MiB × containers], weight 1', () => {
    // 523 MiB on 1 of 2 nodes → 261.5 MiB scaled; (261.5 − 23) / (1000 − 23) × 100 → 24.
    const nodes = [
      withImages('has', [{ names: ['trainer:v1'], sizeBytes: 523 * MB }]),
      withImages('lacks', [{ names: ['other:v1'], sizeBytes: 900 * MB }]),
    ];
    const { scheduler } = setup(nodes);
    const { trace, nodeName } = attempt(scheduler, pod('p', { containers: [{ name: 'c', image: 'trainer:v1' }] }), true);
    expect(nodeName).toBe('has');
    expect(trace?.finalScore.has?.ImageLocality).toBe(24);
    expect(trace?.finalScore.lacks?.ImageLocality).toBe(0);
    expect(
      attempt(scheduler, pod('q', { containers: [{ name: 'c', image: 'absent:v1' }] }), true).trace?.finalScore.has?.ImageLocality,
    ).toBeUndefined();
  });
});
