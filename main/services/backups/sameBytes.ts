// Whether two files hold the same bytes, read a chunk at a time without blocking.

import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';

const CHUNK = 1024 * 1024;

export async function sameBytes(a: string, b: string): Promise<boolean> {
  const left = await open(a, 'r');
  let right: FileHandle | null = null;
  try {
    right = await open(b, 'r');
    const size = (await left.stat()).size;
    if ((await right.stat()).size !== size) return false;
    const bufA = Buffer.alloc(CHUNK);
    const bufB = Buffer.alloc(CHUNK);
    for (let position = 0; position < size; position += CHUNK) {
      const [readA, readB] = await Promise.all([left.read(bufA, 0, CHUNK, position), right.read(bufB, 0, CHUNK, position)]);
      if (readA.bytesRead !== readB.bytesRead) return false;
      if (!bufA.subarray(0, readA.bytesRead).equals(bufB.subarray(0, readB.bytesRead))) return false;
    }
    return true;
  } finally {
    await left.close();
    await right?.close();
  }
}
