import { serviceOf, type ServiceKind } from '@/generators';
import { useIconSource } from './bitmap-icons';

/**
 * The official AWS architecture icon (aws-react-icons) each service module names, as an image:
 * decorative, since the service's name is always written next to it. `bitmap`: drawn so small (a
 * node zoomed out past reading) that a small bitmap of it looks the same and costs far less to repaint.
 */
export function ServiceIcon({ kind, size = 32, bitmap = false }: { kind: ServiceKind; size?: number; bitmap?: boolean }) {
  const src = useIconSource(serviceOf(kind).icon, bitmap);
  // biome-ignore lint/performance/noImgElement: a data URL drawn at one of a few sizes, in nodes and lists; next/image would only wrap it
  return <img src={src} width={size} height={size} alt="" draggable={false} className="shrink-0" />;
}
