import { spawn } from 'node:child_process';

/**
 * Runs after the test process has gone, however it went (vitest may end a worker without
 * an 'exit' event): kills the processes of containers recorded under the folder (found by
 * cgroup), then the engine's process group, then anything still naming the folder; unmounts
 * what is left under it and removes it. A clean stop() removes the folder first, and this
 * script names the folder, so stop() also ends it.
 */
const SCRIPT = `
parent="$1"; pgid="$2"; dir="$3"
while kill -0 "$parent" 2>/dev/null; do sleep 1; done
[ -d "$dir" ] || exit 0
for id in $(ls "$dir"/data/containers "$dir"/root/*-containers 2>/dev/null); do
  case "$id" in *[!0-9a-f]*|'') continue ;; esac
  for p in /proc/[0-9]*; do
    grep -qF "$id" "$p/cgroup" 2>/dev/null && kill -KILL "\${p#/proc/}" 2>/dev/null
  done
done
kill -TERM -"$pgid" 2>/dev/null
for i in 1 2 3 4 5; do kill -0 -"$pgid" 2>/dev/null || break; sleep 1; done
kill -KILL -"$pgid" 2>/dev/null
for p in /proc/[0-9]*; do
  [ "\${p#/proc/}" = "$$" ] && continue
  grep -qaF "$dir/" "$p/cmdline" 2>/dev/null && kill -KILL "\${p#/proc/}" 2>/dev/null
done
awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/self/mounts | sort -r |
  while read -r m; do umount -l "$m"; done
rm -rf "$dir"
`;

/** Starts the watchdog for an engine whose process group is `pgid` and folder is `dir`. */
export function cleanUpIfOrphaned(pgid: number, dir: string): void {
  const watchdog = spawn(
    'sh',
    ['-c', SCRIPT, 'reclaim-rig-watchdog', String(process.pid), String(pgid), dir],
    {
      detached: true,
      stdio: 'ignore',
    },
  );
  watchdog.unref();
}
