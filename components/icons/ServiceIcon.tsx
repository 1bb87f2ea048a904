import { serviceOf, type ServiceKind } from '@/generators';
import { ICONS } from './icons.generated';

/** The official AWS architecture icon (aws-react-icons) each service module names. */
export function ServiceIcon({ kind, size = 32 }: { kind: ServiceKind; size?: number }) {
  const Icon = ICONS[serviceOf(kind).icon];
  // Decorative: the service's name is always written next to it.
  return <Icon size={size} aria-hidden="true" focusable="false" className="shrink-0 rounded" />;
}
