import type { ResourceDescriptor } from './descriptor';

/** onCreate / onUpdate hooks that keep `createdDateTime` and a modified timestamp current. */
export function timestamps(
  modified: string,
  created = 'createdDateTime',
): Pick<ResourceDescriptor, 'onCreate' | 'onUpdate'> {
  return {
    onCreate(obj, ctx) {
      if (created) obj[created] = ctx.now;
      obj[modified] = ctx.now;
    },
    onUpdate(obj, ctx) {
      obj[modified] = ctx.now;
    },
  };
}
