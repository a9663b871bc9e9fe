// kubectl's AGE format: k8s.io/apimachinery pkg/util/duration HumanDuration, the function
// `kubectl get` applies to `now - metadata.creationTimestamp`.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR_DAYS = 365;

/**
 * Two units at most, coarser as the duration grows: 5s, 119s, 2m5s, 125m, 3h5m, 8h, 4d3h, 9d, 2y4d, 9y.
 * Upstream keeps whole minutes up to 3 hours, so 2h5m prints as `125m`, as `kubectl get` shows it.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  // Up to two seconds in the future counts as now (clock skew between machines), beyond that it is invalid.
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) return withRest(minutes, 'm', seconds % 60, 's');
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) return withRest(hours, 'h', minutes % 60, 'm');
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(ms / DAY);
  if (hours < 24 * 8) return withRest(days, 'd', hours % 24, 'h');
  if (days < YEAR_DAYS * 2) return `${days}d`;
  const years = Math.trunc(days / YEAR_DAYS);
  if (days < YEAR_DAYS * 8) return withRest(years, 'y', days % YEAR_DAYS, 'd');
  return `${years}y`;
}

function withRest(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major}${majorUnit}` : `${major}${majorUnit}${minor}${minorUnit}`;
}

/** The AGE cell of an object: `<unknown>` without a creationTimestamp, as kubectl prints it. */
export function ageOf(creationTimestamp: string | undefined, now: number): string {
  if (!creationTimestamp) return '<unknown>';
  const created = Date.parse(creationTimestamp);
  return Number.isNaN(created) ? '<unknown>' : humanDuration(now - created);
}
