// `npm run dev`: the preview while writing, `astro dev` with this project's settings. It takes the
// tools' `--lang sv|en` (the language of the error page shown when content/ has errors) and passes
// every other argument (--port, --host, ...) to Astro. Plain JavaScript, so that stopping this
// process (Ctrl+C, or a test stopping it by its PID) reaches Astro without a loader in between.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The environment of the preview: nothing sent home (telemetry), content read again on every
 * request, reloads on save, and no "New version of Astro available … npx @astrojs/upgrade" notice: the upgrade it
 * suggests would break the project on Node 20. ASTRO_DISABLE_UPDATE_CHECK is the switch Astro 5's
 * dev server reads before it asks the registry (the same as `astro preferences disable checkUpdates`).
 */
export function devEnv(env, lang) {
  return {
    ...env,
    ASTRO_TELEMETRY_DISABLED: '1',
    ASTRO_DISABLE_UPDATE_CHECK: 'true',
    // Astro switches the browser's reload-on-save off when NODE_ENV is "test" or "production"
    // (a shell or a test runner may have set it): the preview always needs it.
    NODE_ENV: 'development',
    KRISINFO_DEV: '1',
    ...(lang ? { KRISINFO_LANG: lang } : {}),
  };
}

/** `--lang en` or `--lang=en` out of the arguments; the rest go to `astro dev`. */
export function splitLangFlag(argv) {
  const rest = [];
  let lang;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') lang = argv[++i];
    else if (argv[i].startsWith('--lang=')) lang = argv[i].slice('--lang='.length);
    else rest.push(argv[i]);
  }
  return { lang, rest };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { lang, rest } = splitLangFlag(process.argv.slice(2));
  const astro = spawn(path.join(root, 'node_modules/.bin/astro'), ['dev', ...rest], { cwd: root, stdio: 'inherit', env: devEnv(process.env, lang) });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => astro.kill(signal));
  astro.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
