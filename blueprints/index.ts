import { banking } from './banking';
import { imageProcessing } from './image-processing';
import { streaming } from './streaming';
import type { Blueprint } from './types';
import { website } from './website';

export type { Blueprint } from './types';
export { servicesOf } from './types';

/** The ready-made architectures of the gallery and the command line, in gallery order. */
export const BLUEPRINTS: readonly Blueprint[] = [website, banking, imageProcessing, streaming];

export const blueprintById = (id: string) => BLUEPRINTS.find((b) => b.id === id);
