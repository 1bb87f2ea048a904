import type { PropSpec } from '../../props/spec';

export const snsProps = [
  { key: 'fifo', label: 'FIFO topic', type: 'boolean', default: false },
  {
    key: 'emailSubscribers',
    label: 'E-mail subscribers (optional)',
    type: 'string',
    default: '',
    optional: true,
    help: 'Comma-separated addresses; each must confirm the subscription e-mail',
    pattern: /^[^\s@,]+@[^\s@,]+\.[^\s@,]+(\s*,\s*[^\s@,]+@[^\s@,]+\.[^\s@,]+)*$/,
    patternMessage: 'E-mail subscribers must be comma-separated e-mail addresses',
  },
] as const satisfies readonly PropSpec[];

/** The e-mail addresses subscribed to a topic. */
export const emailAddresses = (props: { emailSubscribers: string }) =>
  props.emailSubscribers
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
