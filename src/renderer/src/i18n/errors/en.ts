import type { ErrorSection } from './catalogue';

/** How to run browser mode, for the fixes of its command-line errors. */
const WEB_USAGE = 'Usage: npm run web -- [--port N] [--host unix:///path/docker.sock]';
const PAGE_FAULT =
  'This is a fault in the page, not in your Docker: reload the window, and report it if it repeats.';
const REPORT = 'Try again; if it keeps happening, report it with the details shown.';
const ENGINE_LOGS = "Try again; if it keeps failing, check the engine's own logs.";
const ADDRESS_FORMS =
  'Use unix:///path/to/docker.sock, npipe:////./pipe/docker_engine, tcp://host:port or ssh://user@host, in Settings or in DOCKER_HOST.';
const TLS_FOLDER =
  "Point DOCKER_CERT_PATH (or the context's TLS files, or Settings) at the folder holding ca.pem, cert.pem and key.pem for this engine.";
const TLS_FILE = '{file, select, ca {CA certificate} cert {client certificate} other {client key}}';
const cannotUse = (why: string) => `The engine address {endpoint} cannot be used: ${why}.`;

/**
 * English words for every error code and cause. The engine's own words are never here: the
 * UI quotes them from `detail`.
 */
export const enErrors = {
  anyEngine: 'the engine’s address',
  codes: {
    ENGINE_NOT_RUNNING: {
      default: {
        message: 'No engine answers at {endpoint}.',
        fix: 'Start Docker (or Podman), then try again, or choose another engine.',
      },
      'socket-missing': {
        message: 'No engine is running at {endpoint}: there is no socket there.',
        fix: 'Start the engine, then try again, or choose another engine in Settings.',
      },
      'pipe-missing': {
        message: 'No engine is running at {endpoint}: the named pipe does not exist.',
        fix: 'Start Docker Desktop, then try again, or choose another engine in Settings.',
      },
      'connection-refused': {
        message: 'No engine is running at {endpoint}: nothing is listening there.',
        fix: 'Start the engine, then try again, or choose another engine in Settings.',
      },
      'connection-cut': {
        message: 'The connection to {endpoint} was cut.',
        fix: 'Check that the engine is running and reachable, then try again.',
      },
      'no-engine-found': {
        message:
          '{count, plural, =0 {No running Docker or Podman engine was found on this machine.} other {No running Docker or Podman engine was found on this machine (looked at {candidates}).}}',
        fix: 'Start your engine (Docker Desktop, `sudo systemctl start docker`, `colima start`, OrbStack, Rancher Desktop or `podman machine start`), or choose its address in Settings.',
      },
    },
    PERMISSION_DENIED: {
      default: {
        message: 'Permission denied at {endpoint}.',
        fix: 'Make sure your user may use this engine, or choose another engine.',
      },
      'access-denied': {
        message: 'Permission denied when connecting to {endpoint}.',
        fix: 'Make sure your user may use this socket, or choose another engine.',
      },
      'ssh-auth-failed': {
        message: 'The ssh server at {endpoint} accepted none of your keys.',
        fix: 'Load a key that this host accepts into your ssh agent (`ssh-add`), so Reclaim can log in.',
      },
      'ssh-host-unknown': {
        message:
          'Reclaim does not know the ssh host key of {endpoint} ({keyType} {fingerprint}), so it did not connect.',
        fix: 'Connect once with `{command}`, check that the fingerprint is the server’s, and accept it; then connect again.',
      },
      'ssh-host-changed': {
        message:
          'The ssh host key of {endpoint} is not the one in your known_hosts (it now shows {keyType} {fingerprint}): the server changed its key, or someone is in between. Reclaim did not connect.',
        fix: 'Ask the server’s administrator whether its key changed. Only if it did, remove the old key with `{command}` and connect once with ssh to accept the new one.',
      },
      'ssh-host-revoked': {
        message:
          'The ssh host key of {endpoint} ({keyType} {fingerprint}) is marked revoked in your known_hosts, so Reclaim did not connect.',
        fix: 'Ask the server’s administrator for the server’s current key.',
      },
    },
    TIMEOUT: {
      default: {
        message: 'No answer came in time from {endpoint}.',
        fix: 'Check that the engine is running and not overloaded, then try again.',
      },
      'no-answer': {
        message: 'No answer came in time from {endpoint}.',
        fix: 'Check that the engine is running and not overloaded, then try again.',
      },
      'request-timed-out': {
        message: 'No answer to {method} {path} came from {endpoint} within {seconds} s.',
        fix: 'Check that the engine is running and not overloaded, then try again.',
      },
    },
    TLS_FAILED: {
      default: {
        message: 'The TLS connection to {endpoint} failed.',
        fix: "Check this engine's TLS files (DOCKER_CERT_PATH or the context's TLS files).",
      },
      'plain-http-to-tls': {
        message: 'Only TLS connections are accepted at {endpoint}.',
        fix: 'Turn TLS on for this endpoint: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder holding ca.pem, cert.pem and key.pem, or use a docker context that has them.',
      },
      'tls-handshake': {
        message: 'The TLS connection to {endpoint} failed.',
        fix: "Check that ca.pem matches the engine's certificate and that cert.pem and key.pem are the client pair it trusts (DOCKER_CERT_PATH or the context's TLS files).",
      },
      'tls-file-missing': {
        message: `The TLS ${TLS_FILE} {subject} does not exist, so Reclaim cannot connect to {endpoint} securely.`,
        fix: TLS_FOLDER,
      },
      'tls-file-unreadable': {
        message: `The TLS ${TLS_FILE} {subject} cannot be read, so Reclaim cannot connect to {endpoint} securely.`,
        fix: TLS_FOLDER,
      },
      'tls-cert-without-key': {
        message: 'The TLS set-up for {endpoint} has a client certificate without its key.',
        fix: 'Provide both cert.pem and key.pem (or neither) next to ca.pem.',
      },
      'tls-key-without-cert': {
        message: 'The TLS set-up for {endpoint} has a client key without its certificate.',
        fix: 'Provide both cert.pem and key.pem (or neither) next to ca.pem.',
      },
    },
    API_TOO_OLD: {
      default: {
        message: 'The Docker API spoken at {endpoint} is one this Reclaim cannot use.',
        fix: 'Update the engine or Reclaim, or connect to another engine.',
      },
      'engine-api-too-old': {
        message:
          'The engine at {endpoint} speaks Docker API {engineMax}; Reclaim needs {clientMin} or newer.',
        fix: 'Update the engine (Docker 20.10 or newer, Podman 4 or newer), or connect to another one.',
      },
      'engine-api-too-new': {
        message:
          'The engine at {endpoint} no longer accepts API {clientMax}, the newest this Reclaim speaks (it needs {engineMin} or newer).',
        fix: 'Update Reclaim.',
      },
      'client-version-refused': {
        message: 'The engine refuses API {clientVersion}; it needs at least {minimum}.',
        fix: "Update Reclaim to a version that speaks this engine's API.",
      },
    },
    ENDPOINT_INVALID: {
      default: { message: 'This engine address cannot be used.', fix: ADDRESS_FORMS },
      'host-unknown': {
        message: 'The host name in {endpoint} cannot be resolved.',
        fix: 'Check the address for typos, or your network and DNS.',
      },
      'address-empty': { message: 'The engine address is empty.', fix: ADDRESS_FORMS },
      'address-port-not-number': {
        message: cannotUse('"{subject}" is not a port number'),
        fix: ADDRESS_FORMS,
      },
      'address-port-out-of-range': {
        message: cannotUse('port {port} is out of range'),
        fix: ADDRESS_FORMS,
      },
      'address-ipv6-unclosed': {
        message: cannotUse('an IPv6 address is missing its closing "]"'),
        fix: ADDRESS_FORMS,
      },
      'address-after-ipv6': {
        message: cannotUse('unexpected text after "]"'),
        fix: ADDRESS_FORMS,
      },
      'address-path': {
        message: cannotUse('a path after the host is not supported'),
        fix: ADDRESS_FORMS,
      },
      'address-ssh-path': { message: cannotUse('ssh addresses take no path'), fix: ADDRESS_FORMS },
      'address-ssh-password': {
        message: cannotUse('it holds a password'),
        fix: 'Put no password in the address: load your key into an ssh agent (`ssh-add`) instead.',
      },
      'address-ssh-no-host': {
        message: cannotUse('there is no host name after ssh://'),
        fix: ADDRESS_FORMS,
      },
      'address-scheme': {
        message: cannotUse('the scheme "{scheme}://" is not one the docker CLI accepts'),
        fix: ADDRESS_FORMS,
      },
      'context-missing': {
        message:
          '{source, select, DOCKER_CONTEXT {DOCKER_CONTEXT} other {config.json (currentContext)}} names the docker context "{subject}", but there is no such context in {configDir}.',
        fix: 'Create it (docker context create {subject} --docker host=…), choose another with `docker context use`, or choose an engine in Settings.',
      },
    },
    NOT_FOUND: {
      default: {
        message: 'What Reclaim asked for no longer exists.',
        fix: 'Refresh: it may have been removed already.',
      },
      'no-such-image': {
        message: 'No image has the reference or ID {subject}.',
        fix: 'Check the name, tag or ID (docker images lists them), or refresh the list.',
      },
      'engine-not-found': {
        message: 'The engine did not find what Reclaim asked for.',
        fix: 'Refresh: it may have been removed already.',
      },
      'preview-expired': {
        message: 'This preview is no longer available (it already ran, or it is too old to trust).',
        fix: 'Preview again, then confirm.',
      },
      'preview-other-engine': {
        message: 'This preview was made on another engine ({endpoint}); nothing was run.',
        fix: 'Preview again on the engine you are connected to now, then confirm.',
      },
      'container-not-found': {
        message: 'Container {subject} no longer exists.',
        fix: 'Refresh the list.',
      },
      'volume-not-found': {
        message: 'Volume {subject} no longer exists.',
        fix: 'Refresh the list.',
      },
      'network-not-found': {
        message: 'Network {subject} no longer exists.',
        fix: 'Refresh the list.',
      },
    },
    AMBIGUOUS_REFERENCE: {
      default: {
        message: 'Ambiguous: {count} images start with this.',
        fix: 'Type more of the ID.',
      },
    },
    INVALID_REFERENCE: {
      default: {
        message: 'This is not an image reference or ID.',
        fix: 'Write name, name:tag, name@sha256:…, a short ID or a long ID.',
      },
      'reference-empty': {
        message: 'Nothing was typed.',
        fix: 'Give an image ID (or its first characters), name:tag such as redis:alpine, or name@sha256:… (a digest).',
      },
      'reference-syntax': {
        message: 'This is not a valid image reference.',
        fix: 'Write it as the docker CLI does: name, name:tag or name@sha256:… in lower case, a short ID or a long ID.',
      },
      'id-prefix-too-short': {
        message: 'This ID prefix is too short for the containerd image store.',
        fix: 'Type more of the ID, or use the long ID.',
      },
    },
    INVALID_FILTER: {
      default: { message: 'This filter value is not valid.', fix: 'Correct the filter value.' },
      'until-invalid': {
        message:
          'The until filter "{subject}" is neither a duration, a timestamp nor Unix seconds.',
        fix: 'Use a duration such as 72h or 1h30m (there is no "d" unit: 3 days is 72h), a date such as 2024-01-31 or 2024-01-31T12:00:00Z, or Unix seconds.',
      },
      'cache-until-invalid': {
        message: 'The build cache until filter "{subject}" is not a duration.',
        fix: 'Use a duration such as 24h or 1h30m (there is no "d" unit: 3 days is 72h). Build cache takes no dates.',
      },
      'label-without-key': {
        message: 'The label filter "{subject}" has no key.',
        fix: 'Write label=key or label=key=value (label!= likewise).',
      },
      'pattern-invalid': {
        message: 'This reference pattern is not valid.',
        fix: "Use Docker's pattern rules: * and ? (never across /), [a-z] classes, e.g. *:latest or team/*.",
      },
      'anchor-not-found': {
        message: 'No image is "{subject}", so before= or since= cannot start there.',
        fix: 'Give before= or since= an image that exists (name:tag, a short ID or a long ID).',
      },
      'anchor-ambiguous': {
        message: 'Several image IDs start with "{subject}".',
        fix: 'Type more of the ID for before= or since=.',
      },
    },
    CONFLICT: {
      default: {
        message: 'The engine refused.',
        fix: "Read the engine's reason; resolve what it names, then try again.",
      },
      'blocked-in-preview': {
        message: 'Not removed: the preview already showed it blocked.',
        fix: 'Choose one of the preview’s fixes, or resolve what blocks it, then preview again.',
      },
      'kept-protected-in-preview': {
        message: 'Kept: it is protected, and protected images are never removed with others.',
        fix: 'Nothing was done to it. Remove it on its own if you really mean to delete it.',
      },
      'engine-conflict': {
        message: 'The engine refused the request.',
        fix: "Read the engine's reason; resolve what it names, then try again.",
      },
      'image-used-by-running-container': {
        message: 'The engine refused to remove {subject}: a running container uses it.',
        fix: 'Even force cannot remove an image a running container uses: stop and remove the container first (docker stop, docker rm), then remove the image.',
      },
      'image-used-by-stopped-container': {
        message: 'The engine refused to remove {subject}: a container uses it.',
        fix: 'Remove the stopped container first, then the image; or force, which leaves the container (it keeps its files) but no new container can be created from the image.',
      },
      'image-has-dependent-children': {
        message: 'The engine refused to remove {subject}: other images are built on it.',
        fix: 'Remove the child images first (deepest first), then this image.',
      },
      'image-has-several-tags': {
        message: 'The engine refused to remove {subject}: several tags point to it.',
        fix: 'Remove the tags you no longer need by name, or force to remove every tag and the image.',
      },
      'prune-already-running': {
        message: 'Another prune is running on this engine.',
        fix: 'Wait for it to finish, then try again.',
      },
      'disk-usage-busy': {
        message: 'The engine was still busy working out its disk usage for another client.',
        fix: 'Wait until that client (a docker system df, another tool) finishes, then refresh.',
      },
      'deletion-refused': {
        message: 'The engine refused to remove {subject}.',
        fix: 'Refresh the preview and try again.',
      },
      'container-running': {
        message: 'Container {subject} is running, so Reclaim did not remove it.',
        fix: 'Stop it first (docker stop {subject}) if you no longer need it.',
      },
      'container-removal-refused': {
        message: 'The engine refused to remove container {subject}.',
        fix: "Read the engine's reason; usually something still uses it.",
      },
      'volume-in-use': {
        message:
          'Volume {subject} is used by {count, plural, one {# container} other {# containers}}, so Reclaim did not remove it.',
        fix: 'Remove the containers that use it first, if you no longer need its data.',
      },
      'volume-removal-refused': {
        message: 'The engine refused to remove volume {subject}.',
        fix: "Read the engine's reason; usually a container still uses it.",
      },
      'network-removal-refused': {
        message: 'The engine refused to remove network {subject}.',
        fix: "Read the engine's reason; usually a running container is still attached to it.",
      },
    },
    PRUNE_RUNNING: {
      default: {
        message: 'Another prune is running on this engine.',
        fix: 'Wait for it to finish, then try again.',
      },
    },
    VALIDATION: {
      default: { message: 'Reclaim refused a request it could not read.', fix: PAGE_FAULT },
      'unknown-method': { message: '"{subject}" is not a Reclaim method.', fix: PAGE_FAULT },
      'malformed-arguments': {
        message: 'The call to {method} had malformed arguments.',
        fix: PAGE_FAULT,
      },
      'arguments-not-json': {
        message: 'The call to {method} was not a JSON array of arguments.',
        fix: 'Send the arguments as a JSON array in the request body.',
      },
      'arguments-too-large': {
        message: 'The call to {method} was larger than {limit, number} bytes, so it was not read.',
        fix: 'No Reclaim call needs that much: send a smaller request.',
      },
      'force-on-podman': {
        message:
          'Reclaim does not force a removal on Podman: Podman’s force also deletes every container that uses the image, which the preview cannot list.',
        fix: 'Preview without force. To remove an image a container uses, remove that container first (Other resources, or “Remove the stopped containers first”), then preview again.',
      },
      'untrusted-sender': {
        message: 'A page that is not Reclaim’s own tried to use Reclaim and was refused.',
        fix: 'Nothing was changed. Restart Reclaim if you did not expect this.',
      },
      'docs-url-refused': {
        message: 'Reclaim opens only Docker and Reclaim documentation links.',
        fix: 'Open the page yourself if you trust it.',
      },
      'settings-invalid': {
        message: 'These settings are not valid, so they were not saved.',
        fix: 'Correct the highlighted values and save again.',
      },
      'protected-pattern-invalid': {
        message: 'The protected pattern "{subject}" is not a valid pattern.',
        fix: 'Use * for any run of characters, ? for one, and [a-z] for a class; close every [ or write \\[ for a literal bracket.',
      },
      'protected-label-without-key': {
        message: 'The protected label "{subject}" has no key.',
        fix: 'Write the label as key or key=value, for example reclaim.keep=true.',
      },
      'web-arguments-invalid': { message: 'The command line is not valid.', fix: WEB_USAGE },
      'web-port-invalid': { message: '"{subject}" is not a port number.', fix: WEB_USAGE },
      'web-token-too-short': {
        message: 'RECLAIM_TOKEN must be at least {minimum} characters long.',
        fix: 'Set a longer RECLAIM_TOKEN, or leave it unset for a random one.',
      },
      'web-host-invalid': {
        message: '"{subject}" is not an engine endpoint (unix://, tcp://, ssh://, npipe://).',
        fix: WEB_USAGE,
      },
      'browser-token-refused': {
        message: 'This page’s access token was refused.',
        fix: 'Open the URL that `npm run web` printed, including its ?token=… part.',
      },
    },
    CHANGED_SINCE_PREVIEW: {
      default: {
        message: 'Skipped: this changed since the preview.',
        fix: 'Nothing was deleted for it. Preview again to see what removing it would do now.',
      },
      'resource-gone': {
        message: 'Skipped: another client removed {subject} after the preview.',
        fix: 'Nothing more to do for it.',
      },
      'container-started': {
        message: 'Skipped: container {subject} started after the preview, so it was left alone.',
        fix: 'Stop it first if you no longer need it, then preview again.',
      },
      'resource-now-in-use': {
        message: 'Skipped: a container uses {subject} since the preview, so it was left alone.',
        fix: 'Remove that container first if you no longer need it, then preview again.',
      },
      'cache-record-gone': {
        message: 'Skipped: another client removed build cache record {subject} after the preview.',
        fix: 'Nothing more to do for it.',
      },
      'cache-record-in-use': {
        message: 'Skipped: a build is using build cache record {subject} now.',
        fix: 'Preview again once the build has finished.',
      },
      'cache-record-now-shared': {
        message: 'Skipped: an image shares build cache record {subject} now.',
        fix: 'Its data stays with the image. Preview with "include shared records" to remove it anyway.',
      },
      'cache-record-used-since': {
        message: 'Skipped: a build used build cache record {subject} after the preview.',
        fix: 'It is newer than the until filter now. Preview again to see what goes.',
      },
      'cache-record-engine-kept': {
        message:
          'Skipped: asked to remove build cache record {subject}, the engine removed nothing.',
        fix: 'The engine judged it not prunable (a record may be built on it). Preview again.',
      },
    },
    CANCELLED: {
      default: { message: 'Stopped before it ran.', fix: 'Run it again when you are ready.' },
    },
    NOT_CONNECTED: {
      default: {
        message: 'Reclaim is not connected to an engine.',
        fix: 'Wait a moment, or choose an engine in Settings.',
      },
      'not-connected-yet': {
        message: 'Reclaim is not connected to an engine yet.',
        fix: 'Choose an engine to connect to.',
      },
      'still-connecting': {
        message: 'Reclaim is still connecting to {endpoint}.',
        fix: 'Wait a moment, or choose an engine in Settings.',
      },
      'engine-unavailable': {
        message: 'Reclaim is not connected to {endpoint}: the last attempt failed.',
        fix: 'Try again, or choose another engine in Settings.',
      },
    },
    ENGINE_ERROR: {
      default: { message: 'The engine answered with an error.', fix: ENGINE_LOGS },
      'not-an-engine': {
        message:
          '{endpoint} answered, but not like a Docker or Podman engine (no API version in GET /version).',
        fix: 'Check the address: it must be the Docker API socket or port of your engine.',
      },
      'http-error': {
        message: 'The engine answered with an error (HTTP {status}).',
        fix: ENGINE_LOGS,
      },
      'connection-failed': { message: 'Talking to {endpoint} failed ({errno}).', fix: REPORT },
      'container-removal-failed': {
        message: 'The engine could not remove container {subject} (HTTP {status}).',
        fix: 'Check that the engine is healthy, then try again.',
      },
      'volume-removal-failed': {
        message: 'The engine could not remove volume {subject} (HTTP {status}).',
        fix: 'Check that the engine is healthy, then try again.',
      },
      'network-removal-failed': {
        message: 'The engine could not remove network {subject} (HTTP {status}).',
        fix: 'Check that the engine is healthy, then try again.',
      },
    },
    INTERNAL: {
      default: {
        message: 'Reclaim hit an unexpected problem and did not finish this action.',
        fix: REPORT,
      },
      unexpected: {
        message: 'Reclaim hit an unexpected problem and did not finish this action.',
        fix: REPORT,
      },
      'browser-server-unreachable': {
        message: 'Reclaim’s browser-mode server did not answer.',
        fix: 'Check that `npm run web` is still running, then reload this page with the printed URL.',
      },
    },
  },
  hints: {
    'start-podman-machine': 'Start the Podman machine: `podman machine start`.',
    'start-podman-service': 'Start the Podman API service: `sudo systemctl start podman.socket`.',
    'start-podman-user-service':
      'Start the Podman API service for your user: `systemctl --user start podman.socket`.',
    'start-colima': 'Start Colima: `colima start`.',
    'start-orbstack': 'Start OrbStack.',
    'start-rancher-desktop': 'Start Rancher Desktop.',
    'start-docker-desktop': 'Start Docker Desktop.',
    'start-docker-service': 'Start the Docker service: `sudo systemctl start docker`.',
    'start-default-socket-engine':
      'Start Docker Desktop (or whichever engine provides /var/run/docker.sock).',
    'start-rootless-docker': 'Start rootless Docker: `systemctl --user start docker`.',
    'start-engine-at-socket':
      'Start the engine that listens on {socketPath}, or choose another engine in Settings.',
    'check-tcp-engine':
      'Check that the engine at {address} is running and listening, and that no firewall blocks the port.',
    'check-ssh-engine': 'Check that `{command}` works and that Docker runs on that machine.',
    'join-docker-users':
      'Add your account to the "docker-users" group (Computer Management → Local Users and Groups), then sign out and back in.',
    'load-ssh-key':
      'Load a key that this host accepts into your ssh agent (`ssh-add`), so Reclaim can log in.',
    'use-own-podman-socket':
      "Use your own Podman socket (`systemctl --user start podman.socket`) or run as the socket's owner.",
    'join-docker-group':
      'Add yourself to the docker group: `sudo usermod -aG docker $USER`, then log out and back in (or use rootless Docker). Note that the docker group grants root-level access.',
    'own-socket':
      'Make sure {socketPath} belongs to your user (`ls -l {socketPath}`); restarting the engine usually restores it.',
  },
} as const satisfies ErrorSection;
