import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Whether the JSON store file can be written now: its folder exists and is writable, and the file,
 * where it exists, is too. The lowdb store serves reads from memory, so "reachable" for it means
 * its next write can land. A stand-in until the store's ports offer `healthy()` (src/store/ports.ts);
 * then `/readyz` takes that instead.
 */
export async function isStoreFileWritable(path: string): Promise<boolean> {
  try {
    await access(dirname(path), constants.W_OK);
  } catch {
    return false;
  }
  try {
    await access(path, constants.W_OK);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
