// Writes a gzip copy beside every text asset of the build, so the application serves
// the compressed file to browsers that accept it (Spring's EncodedResourceResolver).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const root = new URL('../target/dist/', import.meta.url).pathname;
const compressible = /\.(js|mjs|css|html|svg|json|txt)$/;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      walk(path);
    } else if (compressible.test(name)) {
      const content = readFileSync(path);
      if (content.length >= 1024) {
        writeFileSync(path + '.gz', gzipSync(content, { level: constants.Z_BEST_COMPRESSION }));
      }
    }
  }
}

walk(root);
