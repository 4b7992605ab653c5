// A folder target: a web server's root, a mounted share, a USB stick. Every file is written under
// a temporary name and renamed into place, so a reader (or a kill) never meets half a file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { listFiles, sha256 } from '../release/checksums.ts';
import type { RemoteFile } from './plan.ts';
import { TargetError, type TargetDriver } from './target.ts';

export class FolderTarget implements TargetDriver {
  constructor(readonly root: string) {}

  async list(): Promise<RemoteFile[]> {
    if (!existsSync(this.root)) return [];
    if (!statSync(this.root).isDirectory()) throw new TargetError(`${this.root} är ingen mapp`);
    return listFiles(this.root).map((rel) => {
      const bytes = readFileSync(path.join(this.root, rel));
      return { path: rel, size: bytes.length, hashes: { sha256: sha256(bytes) } };
    });
  }

  async put(siteDir: string, files: string[], onFile: () => void): Promise<void> {
    // The folder itself may be made, its parent not: an unplugged USB stick is not a new folder on the laptop.
    const parent = path.dirname(this.root);
    if (!existsSync(parent)) throw new TargetError(`mappen ${parent} finns inte (är disken eller USB-minnet anslutet?)`);
    for (const rel of files) {
      const dest = path.join(this.root, rel);
      const temp = `${dest}.krisinfo-${process.pid}.tmp`;
      try {
        await mkdir(path.dirname(dest), { recursive: true });
        await copyFile(path.join(siteDir, rel), temp);
        await rename(temp, dest);
      } catch (e) {
        await rm(temp, { force: true });
        throw new TargetError(`${rel} kunde inte skrivas: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      onFile();
    }
  }

  async remove(files: string[], onFile: () => void): Promise<void> {
    for (const rel of files) {
      await unlink(path.join(this.root, rel)).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw new TargetError(`${rel} kunde inte tas bort: ${e.code}`);
      });
      await this.pruneEmpty(path.dirname(rel));
      onFile();
    }
  }

  /** Folders the removed files leave empty go too (an old bulletin's folder), up to the root. */
  private async pruneEmpty(relDir: string): Promise<void> {
    for (let dir = relDir; dir !== '.' && dir !== ''; dir = path.dirname(dir)) {
      const abs = path.join(this.root, dir);
      if ((await readdir(abs).catch(() => ['?'])).length > 0) return;
      await rmdir(abs).catch(() => undefined);
    }
  }
}
