import type { PresetSpec } from './presets';
import { Prng } from './prng';
import { paretoInt } from './sampling';

/**
 * Member counts for every group of a synthetic tenant: the preset's few very large groups first,
 * then a Pareto tail (most groups small, some in the hundreds or thousands). Deterministic per seed.
 */
export function generateGroupSizes(spec: PresetSpec, seed: number): number[] {
  const rng = Prng.forStream(seed, 'groupSizes');
  const sizes: number[] = [];
  for (const size of spec.largeGroupSizes) {
    if (sizes.length < spec.groups) sizes.push(Math.min(size, spec.users));
  }
  const cap = Math.min(spec.groupSizeCap, spec.users);
  while (sizes.length < spec.groups)
    sizes.push(paretoInt(rng, spec.groupSizeMin, spec.groupSizeAlpha, cap));
  return sizes;
}
