// The officer's commands as they are run, on a copy of the officer fixture: the build shows the
// warnings (a typo such as `pinnned:` with the field it means), an unfilled template is not
// published, an untouched translation stub is not published as English, `npm run new` asks again
// for one bad answer on a real terminal, and every command speaks English with --lang en.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runScript, tempDir } from './helpers/build.ts';
import { copyFixture, hashTree } from './helpers/content-tree.ts';

const NOW = '2022-06-01T10:00:00Z';
const LIB = 'bulletins/2021-12-18-bibliotek.md';
const LIB_EN = 'bulletins/2021-12-18-bibliotek.en.md';

const edit = (dir: string, file: string, f: (s: string) => string) => writeFileSync(path.join(dir, file), f(readFileSync(path.join(dir, file), 'utf8')));

describe('npm run build with warnings and an untouched translation stub', () => {
  let dir: string;
  let out: string;
  let sv: Awaited<ReturnType<typeof runScript>>;
  let en: Awaited<ReturnType<typeof runScript>>;
  let translate: Awaited<ReturnType<typeof runScript>>;
  let check: Awaited<ReturnType<typeof runScript>>;

  beforeAll(async () => {
    dir = copyFixture();
    edit(dir, LIB, (s) => s.replace(/^(title: .*)$/m, '$1\npinnned: true'));
    translate = await runScript('translate.ts', ['2021-12-18-bibliotek', '--to', 'en', '--content', dir, '--now', NOW]);
    check = await runScript('check.ts', ['--content', dir, '--now', NOW]);
    out = path.join(tempDir(), 'dist');
    const env = { KRISINFO_CONTENT: dir, KRISINFO_NOW: NOW };
    sv = await runScript('build.ts', ['--out', out], env);
    en = await runScript('build.ts', ['--out', path.join(tempDir(), 'dist'), '--lang', 'en'], env);
  }, 300_000);

  it('prints "Klart" and then every warning in short form, the typo with the field it means', () => {
    expect(sv.code, sv.stderr).toBe(0);
    const lines = sv.stdout.trim().split('\n');
    const done = lines.findIndex((l) => l.startsWith('Klart: '));
    expect(done).toBeGreaterThanOrEqual(0);
    const after = lines.slice(done + 1).join('\n');
    expect(after).toMatch(/^ {2}VARNING \S*content\/bulletins\/2021-12-18-bibliotek\.md:3 pinnned: Okänt fält: menar du pinned\?$/m);
    expect(after).toMatch(/^ {2}VARNING \S*content\/bulletins\/2021-12-18-bibliotek\.en\.md Översättningen är inte gjord än: title, summary, body är samma som i originalet\./m);
    expect(lines.at(-1)).toMatch(/^\d+ varningar; de stoppar inte bygget\. npm run check visar vad du gör åt dem\.$/);
  });

  it('says the same in English with --lang en', () => {
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/^Done: .* built in [\d.]+ s\.$/m);
    expect(en.stdout).toMatch(/^ {2}WARNING \S*bibliotek\.md:3 pinnned: Unknown field: did you mean pinned\?$/m);
    expect(en.stdout).not.toMatch(/VARNING|Klart/);
  });

  it('translate says the stub is not published until translated, and check warns about it', () => {
    expect(translate.code, translate.stderr).toBe(0);
    expect(translate.stdout).toContain('publiceras den inte');
    expect(readFileSync(path.join(dir, LIB_EN), 'utf8')).toContain('# Så länge title, summary eller texten är samma som i originalet publiceras översättningen inte');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('VARNING Översättningen är inte gjord än: title, summary, body är samma som i originalet.');
  });

  it('publishes no English page with Swedish text: /en/ shows the original marked as Swedish, with the notice', () => {
    const page = readFileSync(path.join(out, 'en/bulletiner/2021-12-18-bibliotek/index.html'), 'utf8');
    expect(page).toMatch(/<html[^>]* lang="en"/);
    expect(page).toMatch(/<h1 lang="sv">Biblioteket har öppet<\/h1>/);
    expect(page).toContain('This has not been translated into English yet.');
    expect(page).toMatch(/<p class="summary" lang="sv">/);
  });
});

describe('an unfilled template is not published', () => {
  it('new writes a draft; without draft: true, check and build name each empty heading and nothing is published', async () => {
    const dir = copyFixture();
    const made = await runScript('new.ts', ['--title', 'Vattnet är otjänligt', '--summary', 'Koka vattnet.', '--severity', 'critical', '--pinned', '--content', dir, '--now', NOW]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('som utkast (draft: true): det publiceras inte än');
    const file = 'bulletins/2022-06-01-vattnet-ar-otjanligt.md';
    const text = readFileSync(path.join(dir, file), 'utf8');
    expect(text).toContain('draft: true\n');
    expect(text).toContain('## Vad har hänt?\n\n_Skriv kort vad som har hänt, var och när._\n');
    // As a draft it is fine: check has no errors.
    expect((await runScript('check.ts', ['--content', dir, '--now', NOW])).code).toBe(0);

    // The officer removes draft: true and answers only the first question.
    edit(dir, file, (s) => s.replace('draft: true\n', '').replace('_Skriv kort vad som har hänt, var och när._', 'Ett vattenrör har gått sönder.'));
    const check = await runScript('check.ts', ['--content', dir, '--now', NOW]);
    expect(check.code).toBe(1);
    for (const [line, heading] of [[13, 'Vad betyder det för mig?'], [17, 'Vad gör kommunen?'], [21, 'Vad ska jag göra?'], [25, 'Vart vänder jag mig?']] as const) {
      expect(check.stdout).toContain(`FEL rad ${line}, fältet "body": Rubriken "${heading}" har inget svar under sig (ingen text, eller bara mallens hjälptext).`);
    }
    expect(check.stdout).not.toContain('Rubriken "Vad har hänt?"');

    const out = path.join(tempDir(), 'dist');
    const build = await runScript('build.ts', ['--out', out, '--lang', 'en'], { KRISINFO_CONTENT: dir, KRISINFO_NOW: NOW });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('ERROR line 13, field "body": The heading "Vad betyder det för mig?" has no answer under it');
    expect(build.stderr).toContain('The build stopped: nothing was published.');
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});

/** Runs a tool on a pseudo-terminal (a person at a terminal, as far as it can tell), typing `answers`. */
function onTerminal(args: string[], answers: string): Promise<{ code: number; output: string }> {
  const helper = [
    'import json, os, pty, select, sys',
    'argv = json.loads(sys.argv[1])',
    'pid, fd = pty.fork()',
    'if pid == 0:',
    '    os.execvp(argv[0], argv)',
    'os.write(fd, sys.stdin.read().encode())',
    'out = b""',
    'while True:',
    '    try:',
    '        r, _, _ = select.select([fd], [], [], 60)',
    '        data = os.read(fd, 4096) if r else b""',
    '    except OSError:',
    '        data = b""',
    '    if not data:',
    '        break',
    '    out += data',
    '_, status = os.waitpid(pid, 0)',
    'sys.stdout.write(out.decode("utf-8", "replace"))',
    'sys.exit(os.waitstatus_to_exitcode(status))',
  ].join('\n');
  return new Promise((resolve) => {
    const child = execFile('/usr/bin/python3', ['-c', helper, JSON.stringify([path.join(ROOT, 'node_modules/.bin/tsx'), ...args])], { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } }, (error, stdout) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout }),
    );
    child.stdin?.end(answers);
  });
}

describe('npm run new on a terminal', () => {
  it('asks again for a bad answer and keeps the others', async () => {
    const dir = copyFixture();
    const answers = ['Vattnet', 'Koka vattnet före användning.', 'huge', 'warning', 'public,personal', 'public', 'ekonomi=broken', 'ekonomi=down'].join('\n') + '\n';
    const r = await onTerminal([path.join(ROOT, 'scripts/new.ts'), '--content', dir, '--now', NOW], answers);
    expect(r.code, r.output).toBe(0);
    // Each bad answer is named and its question asked once more; nothing before it is asked again.
    expect(r.output).toContain('FEL "huge" är inget tillåtet värde.\r\n    → Välj ett av: info, warning, critical.');
    expect(r.output).toContain('FEL "personal" är inget tillåtet värde.');
    expect(r.output).toContain('FEL "broken" är inget tillåtet värde.\r\n    → Välj ett av: down, manual, degraded, operational.');
    expect(r.output.match(/Allvarlighetsgrad \(/g)).toHaveLength(2);
    expect(r.output.match(/Rubrik: /g)).toHaveLength(1);
    expect(r.output.match(/Sammanfattning \(/g)).toHaveLength(1);
    const text = readFileSync(path.join(dir, 'bulletins/2022-06-01-vattnet.md'), 'utf8');
    expect(text).toContain('title: Vattnet\n');
    expect(text).toContain('summary: Koka vattnet före användning.\n');
    expect(text).toContain('severity: warning\n');
    expect(text).toContain('audience: [public]\n');
    expect(text).toContain('services:\n  ekonomi: down\n');
  }, 60_000);
});

const TOOLS = ['check.ts', 'new.ts', 'update.ts', 'translate.ts', 'keygen.ts', 'package.ts', 'editor.ts', 'publish.ts', 'verify.ts', 'build.ts'];
/** Each tool's --help, in English and in Swedish, run once for the tests below. */
const helps: Record<string, { english: Awaited<ReturnType<typeof runScript>>; swedish: Awaited<ReturnType<typeof runScript>> }> = {};
beforeAll(async () => {
  await Promise.all(
    TOOLS.map(async (script) => {
      const [english, swedish] = await Promise.all([runScript(script, ['--help', '--lang', 'en']), runScript(script, ['--help'])]);
      helps[script] = { english, swedish };
    }),
  );
}, 300_000);

describe('--lang en on every command', () => {
  it.each(TOOLS)('%s --help is English with --lang en, Swedish without', (script) => {
    const { english, swedish } = helps[script]!;
    expect(english.code, english.stderr).toBe(0);
    expect(english.stdout).toMatch(/--lang sv\|en|--lang +sv or en/);
    expect(english.stdout).not.toMatch(/[åäö]|\(standard|språk/i);
    expect(swedish.stdout).toMatch(/[åäö]/);
  });

  it('build --help lists its options and builds nothing', () => {
    for (const { stdout } of Object.values(helps['build.ts']!)) {
      for (const option of ['--out', '--now', '--allow-earlier-time', '--lang', '--quiet']) expect(stdout).toContain(option);
      expect(stdout).not.toMatch(/^(Klart|Done): /m);
    }
  });

  it('build refuses an option it does not know (a typo), in the chosen language, before building anything', async () => {
    const out = path.join(tempDir(), 'dist');
    const env = { KRISINFO_CONTENT: copyFixture(), KRISINFO_NOW: NOW };
    const [sv, en, stray] = await Promise.all([
      runScript('build.ts', ['--out', out, '--allow-earlier'], env),
      runScript('build.ts', ['--allow-earlier', '--out', out, '--lang', 'en'], env),
      runScript('build.ts', ['--out', out, 'dist'], env),
    ]);
    expect(sv.code).toBe(2);
    expect(sv.stderr).toContain('FEL Okänt val: --allow-earlier.\n    → Kör npm run build -- --help för att se vilka val som finns.');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('ERROR Unknown option: --allow-earlier.\n    → Run npm run build -- --help to see the options.');
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('FEL Okänt val: dist.');
    for (const r of [sv, en, stray]) expect(r.stdout).not.toMatch(/^(Klart|Done): /m);
    expect(existsSync(out)).toBe(false);
  });

  it('translate: --lang is the language of its messages (--ui too), --to the language of the translation', async () => {
    const dir = copyFixture();
    const noTarget = await runScript('translate.ts', ['2021-12-18-bibliotek', '--lang', 'en', '--content', dir]);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toContain('ERROR --to: Which language is the translation in?\n    → Give the language with --to, e.g. --to en (one of: en, fi). --lang is the language of the tool’s messages.');
    const unknown = await runScript('translate.ts', ['2021-12-18-bibliotek', '--to', 'de', '--ui', 'en', '--content', dir]);
    expect(unknown.stderr).toContain('ERROR --to: The language code ".de"');
    const made = await runScript('translate.ts', ['2021-12-18-bibliotek', '--to', 'fi', '--lang', 'en', '--content', dir]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^Created .*2021-12-18-bibliotek\.fi\.md$/m);
    expect(readFileSync(path.join(dir, 'bulletins/2021-12-18-bibliotek.fi.md'), 'utf8')).toContain('# Translation into Finnish (fi)');
  });

  it('new, update and check answer in English', async () => {
    const dir = copyFixture();
    const made = await runScript('new.ts', ['--title', 'Water', '--summary', 'Boil it.', '--service', 'vatten=down', '--lang', 'en', '--content', dir, '--now', NOW]);
    expect(made.code).toBe(2);
    expect(made.stderr).toContain('ERROR --service: The service "vatten" is not in services.yaml.');
    const update = await runScript('update.ts', ['2021-12-18-bibliotek', '--text', 'x', '--service', 'ekonomi=broken', '--lang', 'en', '--content', dir, '--now', NOW]);
    expect(update.stderr).toContain('"broken" is not an allowed value.');
    const check = await runScript('check.ts', ['--lang', 'en', '--content', dir, '--now', NOW]);
    expect(check.stdout).toContain('WARNING line 16, field "nextUpdate": The bulletin is pinned');
  });

  it('keygen and package refuse in the chosen language and write nothing', async () => {
    const tmp = tempDir();
    const before = hashTree(tmp);
    const secret = path.join(ROOT, 'secret.key');
    const keygenSv = await runScript('keygen.ts', ['--without-password', '--secret-key', secret, '--public-key', path.join(tmp, 'p.pub')]);
    const keygenEn = await runScript('keygen.ts', ['--without-password', '--secret-key', secret, '--public-key', path.join(tmp, 'p.pub'), '--lang', 'en']);
    expect(keygenSv.code).toBe(1);
    expect(keygenSv.stderr).toContain('FEL Den hemliga nyckeln får inte sparas i');
    expect(keygenEn.code).toBe(1);
    expect(keygenEn.stderr).toContain('ERROR The secret key must not be saved in');
    expect(keygenEn.stderr).toContain('→ Choose a place outside the project');
    expect(existsSync(secret)).toBe(false);

    const pack = await runScript('package.ts', ['--site', path.join(tmp, 'dist'), '--out', path.join(tmp, 'release'), '--lang', 'en']);
    expect(pack.code).toBe(1);
    // A folder outside the working folder is named by its absolute path, not as ../../tmp/….
    expect(pack.stderr).toContain(`ERROR ${path.join(tmp, 'dist')}/ holds no built site (index.html is missing).\n    → Run npm run build first.`);
    const unknown = await runScript('package.ts', ['--bogus', '--lang', 'en']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('ERROR Unknown option: --bogus.');
    expect(hashTree(tmp)).toEqual(before);
  });
});

describe('examples in the help and the handbooks', () => {
  it('name only services that exist in the sample content', () => {
    const ids = new Set([...readFileSync(path.join(ROOT, 'content/services.yaml'), 'utf8').matchAll(/^- id: (\S+)/gm)].map((m) => m[1]));
    const texts = [
      ...['new.ts', 'update.ts'].flatMap((s) => [helps[s]!.english.stdout, helps[s]!.swedish.stdout]),
      ...['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.startsWith('officer')).map((f) => `docs/${f}`)].map((f) => readFileSync(path.join(ROOT, f), 'utf8')),
    ];
    // `--service id=status` is the placeholder; every real example names a service.
    const named = texts.flatMap((t) => [...t.matchAll(/--service[ =]([a-z0-9-]+)=/g)].map((m) => m[1]!)).filter((id) => id !== 'id');
    expect(named.length).toBeGreaterThan(4);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });
});
