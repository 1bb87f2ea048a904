import type { PropSpec } from '../../props/spec';

export const apigatewayProps = [
  {
    key: 'corsAllowOrigins',
    label: 'CORS allowed origins',
    type: 'string',
    default: '*',
    help: 'Comma-separated origins allowed to call the API from a browser, or * for any',
    pattern: /^(\*|https?:\/\/[^\s,]+(\s*,\s*https?:\/\/[^\s,]+)*)$/,
    patternMessage: 'CORS allowed origins must be * or a comma-separated list of http(s):// origins',
  },
] as const satisfies readonly PropSpec[];

export const allowedOrigins = (props: { corsAllowOrigins: string }) =>
  props.corsAllowOrigins
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
