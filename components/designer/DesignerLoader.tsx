'use client';

import dynamic from 'next/dynamic';
import { startTransition, useEffect, useState } from 'react';
import { DesignerShell } from './DesignerShell';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
let loading: Promise<typeof import('./Designer').Designer> | undefined;

/**
 * The designer's code, evaluated in five tasks rather than one: the service registry (the most of
 * the generators' start), the connection rules, React Flow, the canvas, then the rest of the
 * designer. Evaluating them together was one task of ~150 ms on a phone-speed CPU, which blocks
 * input (Lighthouse counts it in the total blocking time); in three tasks, the canvas's (React Flow
 * and the rules with it) was still ~160 ms at Chromium's 4x slowdown. Between these the browser
 * paints and answers. Each import names a module the designer needs whole: importing the
 * generators' index or React Flow by name would bring every export of it into the first load (a
 * namespace cannot be tree-shaken).
 */
function loadDesigner() {
  loading ??= import('@/generators/services/registry')
    .then(nextTask)
    .then(() => import('@/generators/rules/table'))
    .then(nextTask)
    .then(() => import('../canvas/react-flow-step'))
    .then(nextTask)
    .then(() => import('../canvas/Canvas'))
    .then(nextTask)
    .then(() => import('./Designer'))
    .then(async (m) => {
      await m.prepareDesigner();
      return m.Designer;
    })
    .catch((error: unknown) => {
      // A chunk that failed to load (a dropped connection) is asked for again next time.
      loading = undefined;
      throw error;
    });
  return loading;
}

/** The designer lives on local storage and the canvas measures the window: render it in the browser only. */
const Designer = dynamic(loadDesigner, { ssr: false, loading: () => <DesignerShell /> });

/**
 * The shell first, the designer once the shell has been painted: the designer's first render is a
 * long task, and a browser that reaches it before its first paint would show nothing until it ends.
 * Its code is fetched meanwhile.
 */
export function DesignerLoader() {
  const [shellPainted, setShellPainted] = useState(false);
  useEffect(() => {
    void loadDesigner();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A callback before the next frame, then a task after it: the frame in between shows the shell.
    const frame = requestAnimationFrame(() => {
      // As a transition, React renders the designer in slices of a few milliseconds, yielding to the
      // browser between them, instead of in one long task; the shell stays until it is committed.
      timer = setTimeout(() => startTransition(() => setShellPainted(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return shellPainted ? <Designer /> : <DesignerShell />;
}
