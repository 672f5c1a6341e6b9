import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, copyFileSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';

/**
 * The browser the tests drive, installed from npm like every other dependency: the Chromium headless shell shipped
 * (brotli-compressed) inside `@sparticuz/chromium`, with fonts from npm only — Open Sans (shipped with it) for Latin
 * and Noto Sans Thai (`@expo-google-fonts/noto-sans-thai`, TTF) for Thai — behind a private fontconfig file, so every
 * machine renders with the same browser and the same fonts whatever the system has installed.
 *
 * Unpacked once per machine and package version into node_modules/.cache (ignored by git and eslint): built in a
 * scratch folder and renamed into place, so parallel test workers never see a half-written binary.
 */
export interface ChromiumInstall {
  executablePath: string;
  /** Environment for the browser process: FONTCONFIG_FILE points at the private font configuration. */
  env: Record<string, string>;
  version: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Where npm installed a devDependency (hoisted to the root by the workspaces install). */
function packageDir(name: string): string {
  return path.join(ROOT, 'node_modules', name);
}

function untarBrotli(archive: string, into: string): void {
  const tar = spawnSync('tar', ['-x', '-C', into], { input: brotliDecompressSync(readFileSync(archive)), maxBuffer: 1 << 30 });
  if (tar.status !== 0) throw new Error(`tar failed on ${archive}: ${tar.stderr.toString()}`);
}

async function unpack(target: string): Promise<void> {
  const bin = path.join(packageDir('@sparticuz/chromium'), 'bin');
  const scratch = `${target}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(scratch, { recursive: true });
  try {
    await pipeline(createReadStream(path.join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(path.join(scratch, 'chromium')));
    chmodSync(path.join(scratch, 'chromium'), 0o755);
    // SwiftShader's GL libraries sit next to the binary, where Chromium looks for them.
    untarBrotli(path.join(bin, 'swiftshader.tar.br'), scratch);
    // fonts.tar.br holds fonts/Open_Sans/*.ttf (and a Lambda fonts.conf we replace).
    untarBrotli(path.join(bin, 'fonts.tar.br'), scratch);
    const thai = packageDir('@expo-google-fonts/noto-sans-thai');
    const thaiDir = path.join(scratch, 'fonts', 'Noto_Sans_Thai');
    mkdirSync(thaiDir, { recursive: true });
    for (const weight of readdirSync(thai, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      for (const file of readdirSync(path.join(thai, weight.name)).filter((f) => f.endsWith('.ttf'))) {
        copyFileSync(path.join(thai, weight.name, file), path.join(thaiDir, file));
      }
    }
    writeFileSync(
      path.join(scratch, 'fonts.conf'),
      `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<!-- Only the fonts shipped by npm packages: the same rendering on every machine. -->
<fontconfig>
  <dir>${path.join(target, 'fonts')}</dir>
  <cachedir>${path.join(target, 'fontconfig-cache')}</cachedir>
  <alias><family>sans-serif</family><prefer><family>Open Sans</family><family>Noto Sans Thai</family></prefer></alias>
  <alias><family>serif</family><prefer><family>Open Sans</family><family>Noto Sans Thai</family></prefer></alias>
  <alias><family>monospace</family><prefer><family>Open Sans</family><family>Noto Sans Thai</family></prefer></alias>
  <alias><family>system-ui</family><prefer><family>Noto Sans Thai</family><family>Open Sans</family></prefer></alias>
</fontconfig>
`,
    );
    try {
      renameSync(scratch, target);
    } catch (err) {
      // Another worker finished first: its copy is as good as ours.
      if (!existsSync(path.join(target, 'chromium'))) throw err;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

let installing: Promise<ChromiumInstall> | undefined;

/** The unpacked browser (unpacking it on first use on this machine). */
export function chromiumInstall(): Promise<ChromiumInstall> {
  installing ??= (async () => {
    const version = (JSON.parse(readFileSync(path.join(packageDir('@sparticuz/chromium'), 'package.json'), 'utf8')) as { version: string }).version;
    const target = path.join(ROOT, 'node_modules', '.cache', `chromium-${version}`);
    if (!existsSync(path.join(target, 'fonts.conf'))) await unpack(target);
    return { executablePath: path.join(target, 'chromium'), env: { FONTCONFIG_FILE: path.join(target, 'fonts.conf') }, version };
  })();
  return installing;
}
