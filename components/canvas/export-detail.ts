'use client';

import { create } from 'zustand';

/**
 * Set while an image is exported: the image shows every edge label, names that break between words
 * and the icons' SVGs, whatever the canvas's zoom (edge-label-look.ts and useCompact.ts read it).
 */
export const fullDetailForExport = create<{ on: boolean }>(() => ({ on: false }));
