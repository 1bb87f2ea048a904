/**
 * A place in a template, written the way the messages say it: Resources.Fn.Properties.Code[0].
 * Its own module, so that what only needs a path (the edge recovery the file reader runs) does not
 * pull the YAML parsers into the designer's first load.
 */
export const pathText = (path: readonly (string | number)[]) =>
  path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '') || 'the top level';
