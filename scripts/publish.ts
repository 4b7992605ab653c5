// `npm run publish`: checks content/, builds (scripts/build.ts), signs a release (scripts/package.ts),
// then uploads its site/ to every target of content/publish.yaml at once, in the order of
// src/lib/publish/plan.ts, and checks each target over HTTP(S) as `npm run verify` does. Prints a
// table: target · release time · files · verified. Exit 0 only when every target serves the new
// release. A target that fails does not stop the others; the next publish sends what is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { langFlag, listOpt, readArgs, stringOpt } from '../src/lib/cli/args.ts';
import { contentDirFrom } from '../src/lib/cli/content-context.ts';
import { CliError, EXIT_CONTENT, EXIT_OK, formatCliMessage, messageLang, runTool, type CliMessage } from '../src/lib/cli/output.ts';
import { SIGNATURE_FILE, SUMS_FILE } from '../src/lib/release/checksums.ts';
import { shownPath } from '../src/lib/build/fs-errors.ts';
import { defaultSecretKeyPath, publicKeyPath } from '../src/lib/release/key-paths.ts';
import { loadContent } from '../src/lib/content/load-content.ts';
import { fill, type MessageLang } from '../src/lib/content/messages.ts';
import { releaseStamp } from '../src/lib/release/release-name.ts';
import { verifyMessage, type PublicKey } from '../src/lib/release/minisign.ts';
import { formatReport, hasErrors } from '../src/lib/content/problems.ts';
import { readPasswords } from '../src/lib/publish/read-password.ts';
import { checkKeyFiles, readPublicKeyFile, unlockKeyPair } from '../src/lib/publish/signing-keys.ts';
import { driverFor, folderPath, toolFor } from '../src/lib/publish/drivers.ts';
import { describeFiles } from '../src/lib/publish/local-files.ts';
import { isHostFile } from '../src/lib/publish/plan.ts';
import { formatTable, ProgressBoard, stepText } from '../src/lib/publish/progress.ts';
import { uploadRelease, type UploadOutcome } from '../src/lib/publish/upload.ts';
import { PUBLISH_FILE, type PublishTarget } from '../src/lib/content/read-publish.ts';
import { shortReason } from '../src/lib/verify/report.ts';
import { folderSource, httpSource } from '../src/lib/verify/sources.ts';
import { parseTrustedComment } from '../src/lib/verify/trusted-comment.ts';
import { verifyRelease, type VerifyResult } from '../src/lib/verify/verify-release.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

const HELP_SV = `Användning: npm run publish -- [--only NAMN]… [--release MAPP] [--secret-key FIL] [--lang sv|en]

Kontrollerar content/ och signeringsnyckeln, bygger, signerar en release och laddar upp den till
alla mål i content/publish.yaml samtidigt. Kontrollerar sedan varje mål över HTTP(S) och visar en
tabell. Har nyckeln ett lösenord frågar publish efter det innan något byggs (från terminalen, eller
första raden på standard in).
  --only NAMN        bara det här målet (kan upprepas)
  --release MAPP     ladda upp en befintlig release (release/<tid>/) i stället för att bygga en ny
  --secret-key FIL   den hemliga nyckeln (standard ~/.krisinfo/minisign.key, eller KRISINFO_SECRET_KEY)
  --wait SEKUNDER    så länge ett git-mål (GitHub/GitLab Pages) får bygga innan det kontrolleras (standard 300)
  --releases MAPP    där nya releaser sparas (standard release/, eller KRISINFO_RELEASES)
  --out MAPP         byggets mapp (standard dist/, eller KRISINFO_OUT)
  --content MAPP     innehållsmappen (standard content/, eller KRISINFO_CONTENT)
  --lang sv|en       språk för meddelanden
Avslutar med 0 bara när varje mål visar den nya releasen.`;

const HELP_EN = `Usage: npm run publish -- [--only NAME]… [--release FOLDER] [--secret-key FILE] [--lang sv|en]

Checks content/ and the signing key, builds, signs a release and uploads it to every target in
content/publish.yaml at once. Then checks each target over HTTP(S) and shows a table. If the key
has a password, publish asks for it before anything is built (on the terminal, or the first line
of standard input).
  --only NAME        only this target (may be repeated)
  --release FOLDER   upload an existing release (release/<time>/) instead of building a new one
  --secret-key FILE  the secret key (default ~/.krisinfo/minisign.key, or KRISINFO_SECRET_KEY)
  --wait SECONDS     how long a git target (GitHub/GitLab Pages) may build before it is checked (default 300)
  --releases FOLDER  where new releases are kept (default release/, or KRISINFO_RELEASES)
  --out FOLDER       the build's folder (default dist/, or KRISINFO_OUT)
  --content FOLDER   the content folder (default content/, or KRISINFO_CONTENT)
  --lang sv|en       language of the messages
Exits with 0 only when every target serves the new release.`;

const WORDS = {
  sv: { head: ['Mål', 'Adress', 'Release', 'Filer', 'Verifierad'], yes: 'ja', no: 'nej', old: 'visar en annan release', upload: 'uppladdningen misslyckades', local: '(mappen)', step: { build: 'bygget', package: 'signeringen' }, done: 'klart: {sent} skickade, {removed} borttagna, {unchanged} oförändrade ({s} s)', failed: 'MISSLYCKADES' },
  en: { head: ['Target', 'Address', 'Release', 'Files', 'Verified'], yes: 'yes', no: 'no', old: 'serves another release', upload: 'the upload failed', local: '(the folder)', step: { build: 'the build', package: 'signing' }, done: 'done: {sent} sent, {removed} removed, {unchanged} unchanged ({s} s)', failed: 'FAILED' },
} satisfies Record<MessageLang, unknown>;

let lang: MessageLang = 'sv';

/** 2022-06-01T120000Z, as package.ts names its folders. */
/** Runs a step; `input` (the key's password) goes to its standard input, never to its arguments. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: process.cwd(), env, stdio: [input === undefined ? 'inherit' : 'pipe', 'inherit', 'inherit'] });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
    if (input !== undefined) {
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(`${input}\n`);
    }
  });
}

function hasTool(tool: string): boolean {
  return spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;
}

interface TargetReport {
  target: PublishTarget;
  upload?: UploadOutcome;
  verify?: VerifyResult;
  messages: CliMessage[];
}

async function main(): Promise<number> {
  lang = messageLang(langFlag(process.argv.slice(2)), undefined);
  const args = readArgs(
    process.argv.slice(2),
    {
      only: { type: 'string', multiple: true },
      release: { type: 'string' },
      releases: { type: 'string' },
      'secret-key': { type: 'string' },
      wait: { type: 'string' },
      out: { type: 'string' },
      content: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'publish',
  );
  lang = messageLang(stringOpt(args, 'lang'), undefined);
  if (args.values.help) {
    console.log(lang === 'en' ? HELP_EN : HELP_SV);
    return EXIT_OK;
  }
  const dir = contentDirFrom(stringOpt(args, 'content'));
  const label = shownPath(dir);

  // 1. Content, and the targets, checked before anything is built.
  const content = loadContent(dir);
  lang = messageLang(stringOpt(args, 'lang'), content.site?.languages[0]);
  if (hasErrors(content.problems)) {
    console.error(formatReport(content.problems.filter((p) => p.level === 'error'), lang, label));
    console.error(formatCliMessage({ code: 'publish.stopped', params: { value: lang === 'sv' ? 'kontrollen' : 'the check' } }, lang));
    return EXIT_CONTENT;
  }
  const only = listOpt(args, 'only');
  const names = content.publish.map((t) => t.name);
  for (const name of only) {
    if (!names.includes(name)) throw new CliError({ code: 'publish.unknown-target', params: { value: name, allowed: names.join(', ') }, option: '--only' });
  }
  const targets = content.publish.filter((t) => !only.length || only.includes(t.name));
  if (!targets.length) throw new CliError({ code: 'publish.no-targets', params: { value: `${label}/${PUBLISH_FILE}` } });
  const wait = Number(stringOpt(args, 'wait') ?? 300);
  if (!Number.isFinite(wait) || wait < 0) throw new CliError({ code: 'cli.unknown-option', params: { value: `--wait ${stringOpt(args, 'wait')}`, command: 'publish' } });

  // 2. The key pair, and its password if it has one, before anything is built: a missing key or a
  // wrong password found after the build would leave a new dist/ that was never signed or uploaded.
  let release = stringOpt(args, 'release');
  const keyFiles = { publicKey: publicKeyPath(dir), secretKey: path.resolve(stringOpt(args, 'secret-key') ?? defaultSecretKeyPath()) };
  let key: PublicKey;
  let password: string | undefined;
  if (release) key = readPublicKeyFile(keyFiles.publicKey);
  else {
    const facts = checkKeyFiles(keyFiles);
    if (facts.encrypted) {
      [password] = await readPasswords([lang === 'sv' ? 'Lösenord för den hemliga nyckeln: ' : 'Password for the secret key: ']);
      console.error(lang === 'sv' ? 'Låser upp nyckeln (scrypt, tar några sekunder)…' : 'Unlocking the key (scrypt, takes a few seconds)…');
    }
    key = unlockKeyPair(keyFiles, facts, password).publicKey;
  }

  // 3. Build and sign, or take a release made earlier.
  const w = WORDS[lang];
  if (!release) {
    const env = { ...process.env, KRISINFO_CONTENT: dir, ASTRO_TELEMETRY_DISABLED: '1' };
    const out = path.resolve(stringOpt(args, 'out') ?? process.env.KRISINFO_OUT ?? 'dist');
    if ((await run(process.execPath, [path.join(ROOT, 'scripts/run.mjs'), path.join(ROOT, 'scripts/build.ts'), '--out', out, '--lang', lang], env)) !== 0) {
      throw new CliError({ code: 'publish.stopped', params: { value: w.step.build } }, EXIT_CONTENT);
    }
    release = path.resolve(stringOpt(args, 'releases') ?? process.env.KRISINFO_RELEASES ?? 'release', releaseStamp(new Date()));
    const packArgs = [path.join(ROOT, 'scripts/package.ts'), '--site', out, '--out', release, '--public-key', keyFiles.publicKey, '--secret-key', keyFiles.secretKey, '--lang', lang];
    // package.ts reads the password from the first line of its standard input.
    if ((await run(path.join(ROOT, 'node_modules/.bin/tsx'), packArgs, env, password)) !== 0) {
      throw new CliError({ code: 'publish.stopped', params: { value: w.step.package } }, EXIT_CONTENT);
    }
  }
  const site = path.resolve(release, 'site');
  if (!existsSync(path.join(site, SUMS_FILE)) || !existsSync(path.join(site, SIGNATURE_FILE))) {
    throw new CliError({ code: 'publish.not-a-release', params: { value: shownPath(release) }, option: '--release' });
  }
  const sums = readFileSync(path.join(site, SUMS_FILE), 'utf8');
  const comment = verifyMessage(Buffer.from(sums), readFileSync(path.join(site, SIGNATURE_FILE), 'utf8'), key);
  const info = parseTrustedComment(comment.trustedComment ?? '');
  const local = describeFiles(site);
  console.log(`\n${shownPath(release)}: ${info.date ?? '?'}, ${info.files ?? local.length - 2} ${lang === 'sv' ? 'filer' : 'files'} → ${targets.map((t) => t.name).join(', ')}\n`);

  // 4. Every target at once: upload in phases, then check it as a reader would.
  const board = new ProgressBoard(targets.map((t) => t.name), process.stdout);
  const reports = await Promise.all(
    targets.map(async (target): Promise<TargetReport> => {
      const report: TargetReport = { target, messages: [] };
      const tool = toolFor(target);
      if (tool && !hasTool(tool)) {
        report.messages.push({ code: 'publish.tool-missing', params: { value: tool, name: target.name } });
        board.set(target.name, `${w.failed}: ${tool}?`, true);
        return report;
      }
      let lastStep = '';
      report.upload = await uploadRelease(site, local, driverFor(target), {
        commitMessage: `krisinfo: release ${info.date ?? ''} (${info.files ?? '?'} filer)`,
        onProgress: (p) => {
          board.set(target.name, stepText(p, lang), p.step !== lastStep);
          lastStep = p.step;
        },
      });
      const u = report.upload;
      let outcome: string;
      if (u.ok) {
        const params = { sent: u.plan.assets.length + u.plan.pages.length + u.plan.signature.length, removed: u.plan.remove.length, unchanged: u.plan.unchanged, s: u.seconds.toFixed(1) };
        outcome = fill(w.done, params);
      } else if (u.foreign) {
        report.messages.push({ code: 'publish.foreign-files', params: { name: target.name, value: u.foreign.slice(0, 3).join(', ') } });
        outcome = w.failed;
      } else {
        report.messages.push({ code: 'publish.upload-failed', params: { name: target.name, detail: u.error } });
        outcome = `${w.failed}: ${u.error}`;
      }
      board.set(target.name, outcome, true);
      const d = target.destination;
      const source = target.url ? httpSource(target.url) : d.kind === 'folder' ? folderSource(folderPath(d.path)) : undefined;
      if (!source) return report;
      // GitHub and GitLab Pages build after the push: give them a while to serve the new release.
      const until = Date.now() + (d.kind === 'git' && report.upload.ok ? wait : 0) * 1000;
      let waited = false;
      for (;;) {
        // A folder on disk shows the host's own files too (.htaccess), which publish keeps on purpose.
        report.verify = await verifyRelease(source, key, { ignore: isHostFile });
        if ((report.verify.ok && report.verify.sums === sums) || Date.now() >= until) break;
        board.set(target.name, stepText({ step: 'waiting' }, lang), !waited);
        waited = true;
        await new Promise((r) => setTimeout(r, 10_000));
      }
      if (waited) board.set(target.name, outcome, false);
      return report;
    }),
  );

  // 5. The table, then what to do about each target that is not right.
  const rows = [w.head];
  let allVerified = true;
  for (const r of reports) {
    const v = r.verify;
    const isNew = Boolean(v?.ok && v.sums === sums);
    allVerified &&= isNew;
    let verdict = w.yes;
    if (!isNew) {
      const why = !v ? w.upload : !v.ok ? shortReason(v, lang) : w.old;
      verdict = `${w.no}: ${why}`;
      if (r.upload?.ok !== false && v) r.messages.push({ code: 'publish.not-verified', params: { name: r.target.name, value: v.location, detail: why } });
    }
    const address = r.target.url ?? `${w.local} ${r.target.destination.kind === 'folder' ? folderPath(r.target.destination.path) : ''}`;
    rows.push([r.target.name, address, v?.release?.date ?? '–', v?.listed ? String(v.listed) : '–', verdict]);
  }
  console.log(`\n${formatTable(rows)}\n`);
  for (const m of reports.flatMap((r) => r.messages)) console.error(formatCliMessage(m, lang));
  return allVerified ? EXIT_OK : 1;
}

await runTool(main, () => lang);
