'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { ICON_URLS } from './icons.generated';

/**
 * Small bitmaps of the service icons, for nodes zoomed out past reading. The browser renders an SVG
 * image again each time it repaints it, where a bitmap is decoded once and copied: a drag in a large
 * zoomed-out diagram repaints hundreds of icons at each step (with bitmaps, bench/canvas.ts's drag
 * ran about 7% more frames, at 500 and at 2,000 nodes). Each bitmap is drawn once, in the page, from
 * the same SVG; until it is ready, or where the page cannot draw one, the SVG stays.
 */

/** Wide enough for the largest a zoomed-out node's icon is drawn (13 px) on a screen of up to 3.5 device pixels per pixel. */
const ICON_BITMAP_PX = 48;

const bitmaps = new Map<string, string>();
const listeners = new Set<() => void>();
let drawingStarted = false;

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
const subscribeNowhere = () => () => {};

async function drawBitmap(svgUrl: string): Promise<string | undefined> {
  const image = new Image();
  image.src = svgUrl;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = ICON_BITMAP_PX;
  canvas.height = ICON_BITMAP_PX;
  const context = canvas.getContext('2d');
  if (!context) return undefined;
  context.drawImage(image, 0, 0, ICON_BITMAP_PX, ICON_BITMAP_PX);
  return canvas.toDataURL('image/png');
}

/** Draws every icon's bitmap, once, and tells the icons waiting for them in one go (a node re-renders once). */
function drawEveryBitmap() {
  if (drawingStarted) return;
  drawingStarted = true;
  void Promise.all(
    Object.entries(ICON_URLS).map(async ([name, svgUrl]) => {
      const bitmap = await drawBitmap(svgUrl).catch(() => undefined);
      if (bitmap) bitmaps.set(name, bitmap);
    }),
  ).then(() => {
    for (const listener of listeners) listener();
  });
}

/** The icon's image: its SVG, or when `bitmap` is asked for and drawn, its bitmap. */
export function useIconSource(icon: string, bitmap: boolean): string {
  const drawn = useSyncExternalStore(
    bitmap ? subscribe : subscribeNowhere,
    () => (bitmap ? bitmaps.get(icon) : undefined),
    () => undefined,
  );
  useEffect(() => {
    if (bitmap) drawEveryBitmap();
  }, [bitmap]);
  return drawn ?? ICON_URLS[icon];
}
