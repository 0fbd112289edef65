import { access } from 'node:fs/promises';

/** True when the path can be reached; used where a missing optional file is simply skipped. */
export async function fileExists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
