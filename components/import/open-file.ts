'use client';

import { decodeText, NotTextError } from '@/generators/import/decode';

/** A file the person dropped or picked, decoded as editors write text (UTF-8 or UTF-16, with or without a mark), then opened. */
export async function openFile(file: File, openText: (name: string, text: string) => Promise<unknown>, notify: (tone: 'error', message: string) => void) {
  let text: string;
  try {
    text = decodeText(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    notify('error', `Could not open ${file.name}: ${error instanceof NotTextError ? error.message : 'it could not be read'}. The canvas was left as it was.`);
    return;
  }
  await openText(file.name, text);
}
