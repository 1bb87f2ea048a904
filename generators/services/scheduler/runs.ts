/** How often a schedule fires, for the estimate: a month of rate() or cron(), or one at(). */
const MINUTES_PER_MONTH = 30 * 24 * 60;

export function runsPerMonth(expression: string): number {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const minutes = Number(rate[1]) * (rate[2].startsWith('minute') ? 1 : rate[2].startsWith('hour') ? 60 : 1440);
    return Math.floor(MINUTES_PER_MONTH / Math.max(1, minutes));
  }
  if (expression.startsWith('at(')) return 1;
  const cron = /^cron\((\S+) (\S+) (\S+) (\S+) (\S+)(?: (\S+))?\)$/.exec(expression);
  if (!cron) return 0;
  // Minutes and hours fields: a list or a step counts its values; days are approximated by the day fields.
  const count = (field: string, size: number) => {
    if (field === '*' || field === '?') return size;
    const step = /^(?:\*|\d+)\/(\d+)$/.exec(field);
    if (step) return Math.ceil(size / Number(step[1]));
    return field.split(',').reduce((n, part) => {
      const range = /^(\d+)-(\d+)$/.exec(part);
      return n + (range ? Number(range[2]) - Number(range[1]) + 1 : 1);
    }, 0);
  };
  const perDay = count(cron[1], 60) * count(cron[2], 24);
  const dayOfMonth = cron[3];
  const dayOfWeek = cron[5];
  const days =
    dayOfMonth !== '*' && dayOfMonth !== '?'
      ? count(dayOfMonth, 30)
      : dayOfWeek !== '*' && dayOfWeek !== '?'
        ? Math.round(((/MON-FRI/i.test(dayOfWeek) ? 5 : count(dayOfWeek.replace(/[A-Z]{3}/gi, '1'), 7)) * 30) / 7)
        : 30;
  return perDay * days;
}
