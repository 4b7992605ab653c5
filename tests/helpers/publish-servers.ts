// The servers a publish test publishes to, all on 127.0.0.1 and stopped by PID: an SFTP server
// (`rclone serve sftp`, with an rclone config of its own for the client side), and a bare git
// repository whose post-receive hook checks the branch out where a web server serves it, the way
// a host deploys from `git push`.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, waitForPort } from '../../src/lib/bench/nginx.ts';

export interface SftpServer {
  pid: number;
  port: number;
  root: string;
  stop(): Promise<void>;
  /** Starts it again on the same port and folder. */
  start(): Promise<void>;
}

/**
 * `rclone serve sftp root` on a free port, and `remote` configured in `rcloneConfig` (the file the
 * publish process gets as RCLONE_CONFIG): the login stays there, as it would in rclone config.
 */
export async function startSftpServer(root: string, home: string, rcloneConfig: string, remote: string): Promise<SftpServer> {
  const port = await freePort();
  const [user, pass] = ['krisinfo', 'test-lösen'];
  mkdirSync(root, { recursive: true });
  mkdirSync(home, { recursive: true });
  const obscured = execFileSync('rclone', ['obscure', pass], { encoding: 'utf8' }).trim();
  writeFileSync(rcloneConfig, `[${remote}]\ntype = sftp\nhost = 127.0.0.1\nport = ${port}\nuser = ${user}\npass = ${obscured}\n`);
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const server: SftpServer = {
    pid: 0,
    port,
    root,
    async start() {
      // Its own HOME and config: the host keys it makes go there, not into the tester's home.
      const env = { ...process.env, HOME: home, RCLONE_CONFIG: path.join(home, 'server.conf') };
      writeFileSync(env.RCLONE_CONFIG, '');
      child = spawn('rclone', ['serve', 'sftp', root, '--addr', `127.0.0.1:${port}`, '--user', user, '--pass', pass], { env, stdio: 'ignore' });
      server.pid = child.pid!;
      exited = new Promise((resolve) => child!.once('exit', () => resolve()));
      await waitForPort(port);
    },
    async stop() {
      if (child && child.exitCode === null) process.kill(child.pid!, 'SIGTERM');
      await exited;
    },
  };
  await server.start();
  return server;
}

/** A bare repository at `repo` that checks out every push of `branch` into `served`. */
export function bareRepoServing(repo: string, branch: string, served: string): void {
  mkdirSync(served, { recursive: true });
  execFileSync('git', ['init', '--quiet', '--bare', repo]);
  const hook = path.join(repo, 'hooks/post-receive');
  writeFileSync(hook, `#!/bin/sh\nexec git --work-tree='${served}' checkout --quiet --force ${branch}\n`);
  chmodSync(hook, 0o755);
}
