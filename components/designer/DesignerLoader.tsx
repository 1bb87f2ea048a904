'use client';

import dynamic from 'next/dynamic';
import { DesignerShell } from './DesignerShell';

/** The designer lives on local storage and the canvas measures the window: render it in the browser only. */
const Designer = dynamic(() => import('./Designer').then((m) => m.Designer), {
  ssr: false,
  loading: () => <DesignerShell />,
});

export function DesignerLoader() {
  return <Designer />;
}
