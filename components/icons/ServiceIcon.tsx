import { serviceOf, type ServiceKind } from '@/generators';
import { ICON_URLS } from './icons.generated';

/**
 * The official AWS architecture icon (aws-react-icons) each service module names, as an image:
 * decorative, since the service's name is always written next to it.
 */
export function ServiceIcon({ kind, size = 32 }: { kind: ServiceKind; size?: number }) {
  // biome-ignore lint/performance/noImgElement: a data URL drawn at one of a few sizes, in nodes and lists; next/image would only wrap it
  return <img src={ICON_URLS[serviceOf(kind).icon]} width={size} height={size} alt="" draggable={false} className="shrink-0" />;
}
