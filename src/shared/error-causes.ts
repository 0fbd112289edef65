/**
 * The causes an error code can have, as codes. Each has its words in the renderer's
 * catalogues (`errors.<code>.<cause>`); a cause without words fails the typecheck there.
 */

/** Causes of the pure core's errors: what a user typed as a reference or a filter. */
export type CoreErrorCause =
  /** INVALID_REFERENCE: nothing was typed. */
  | 'reference-empty'
  /** INVALID_REFERENCE: the text is not a reference (the grammar's words in `detail`). */
  | 'reference-syntax'
  /** INVALID_REFERENCE: an ID prefix shorter than the containerd store accepts. */
  | 'id-prefix-too-short'
  /** NOT_FOUND: no image has this reference or ID. */
  | 'no-such-image'
  /** INVALID_FILTER: `until` is neither a Go duration, a timestamp nor Unix seconds. */
  | 'until-invalid'
  /** INVALID_FILTER: a build cache `until` that is not a Go duration of 0 or more. */
  | 'cache-until-invalid'
  /** INVALID_FILTER: a `label`/`label!` filter without a key. */
  | 'label-without-key'
  /** INVALID_FILTER: a `reference` or repository pattern that does not parse. */
  | 'pattern-invalid'
  /** INVALID_FILTER: `before`/`since` names no image (or a malformed reference). */
  | 'anchor-not-found'
  /** INVALID_FILTER: `before`/`since` names several images. */
  | 'anchor-ambiguous'
  /**
   * VALIDATION: a forced removal asked of Podman, whose force also removes the containers
   * using the image (libimage removeContainers), which no plan lists.
   */
  | 'force-on-podman';

/** Causes of the main process's errors: connections, engine calls, settings, browser mode. */
export type MainErrorCause =
  // Reaching the engine (the platform's fix, when it has one, is in `values.hint`).
  /** ENGINE_NOT_RUNNING: there is no socket file at the endpoint's path (ENOENT). */
  | 'socket-missing'
  /** ENGINE_NOT_RUNNING: the endpoint's named pipe does not exist. */
  | 'pipe-missing'
  /** ENGINE_NOT_RUNNING: nothing listens at the endpoint (ECONNREFUSED). */
  | 'connection-refused'
  /** ENGINE_NOT_RUNNING: the connection was cut or the host is unreachable (ECONNRESET…). */
  | 'connection-cut'
  /** ENGINE_NOT_RUNNING: discovery found no running engine; `candidates` are where it looked. */
  | 'no-engine-found'
  /** PERMISSION_DENIED: the socket or pipe refuses this user (EACCES, EPERM). */
  | 'access-denied'
  /** PERMISSION_DENIED: the ssh server accepted none of the agent's keys. */
  | 'ssh-auth-failed'
  /** PERMISSION_DENIED: no known_hosts line names the ssh host; `values` has keyType, fingerprint and the `command` to check it. */
  | 'ssh-host-unknown'
  /** PERMISSION_DENIED: known_hosts names the ssh host with another key (changed, or someone in between). */
  | 'ssh-host-changed'
  /** PERMISSION_DENIED: the ssh host's key is marked @revoked in known_hosts. */
  | 'ssh-host-revoked'
  /** TIMEOUT: the connection itself timed out (ETIMEDOUT, ssh's ready timeout). */
  | 'no-answer'
  /** TIMEOUT: one call got no answer in time; `values` has `method`, `path`, `seconds`. */
  | 'request-timed-out'
  /** ENDPOINT_INVALID: the host name does not resolve (ENOTFOUND, EAI_AGAIN). */
  | 'host-unknown'
  /** ENDPOINT_INVALID: the address is empty. */
  | 'address-empty'
  /** ENDPOINT_INVALID: the port (`subject`) is not a number. */
  | 'address-port-not-number'
  /** ENDPOINT_INVALID: the port (`values.port`) is outside 1–65535. */
  | 'address-port-out-of-range'
  /** ENDPOINT_INVALID: an IPv6 address lacks its closing `]`. */
  | 'address-ipv6-unclosed'
  /** ENDPOINT_INVALID: text follows the `]` of an IPv6 address. */
  | 'address-after-ipv6'
  /** ENDPOINT_INVALID: a tcp address has a path after the host (an API prefix, unsupported). */
  | 'address-path'
  /** ENDPOINT_INVALID: an ssh address has a path. */
  | 'address-ssh-path'
  /** ENDPOINT_INVALID: an ssh address holds a password. */
  | 'address-ssh-password'
  /** ENDPOINT_INVALID: an ssh address has no host name. */
  | 'address-ssh-no-host'
  /** ENDPOINT_INVALID: the scheme (`values.scheme`) is not one the docker CLI accepts. */
  | 'address-scheme'
  /** ENDPOINT_INVALID: DOCKER_CONTEXT or config.json names a context that does not exist. */
  | 'context-missing'
  /** TLS_FAILED: a plain request reached a TLS port (Go's "HTTP request to an HTTPS server"). */
  | 'plain-http-to-tls'
  /** TLS_FAILED: the TLS handshake or certificate check failed (the system's words in `detail`). */
  | 'tls-handshake'
  /** TLS_FAILED: a TLS file (`subject`; `values.file` is ca, cert or key) does not exist. */
  | 'tls-file-missing'
  /** TLS_FAILED: a TLS file (`subject`; `values.file`) exists but cannot be read. */
  | 'tls-file-unreadable'
  /** TLS_FAILED: a client certificate is given without its key. */
  | 'tls-cert-without-key'
  /** TLS_FAILED: a client key is given without its certificate. */
  | 'tls-key-without-cert'
  /** API_TOO_OLD: the engine's newest API (`values.engineMax`) is below ours (`clientMin`). */
  | 'engine-api-too-old'
  /** API_TOO_OLD: the engine's oldest API (`values.engineMin`) is past ours (`clientMax`). */
  | 'engine-api-too-new'
  /** API_TOO_OLD: the engine refused `values.clientVersion`; it needs `values.minimum`. */
  | 'client-version-refused'
  /** ENGINE_ERROR: something answered, but not with a Docker API version in GET /version. */
  | 'not-an-engine'
  /** ENGINE_ERROR: the engine answered an HTTP error (`values.status`). */
  | 'http-error'
  /** ENGINE_ERROR: the connection failed in a way Reclaim does not know (`values.errno`). */
  | 'connection-failed'
  /** INTERNAL: something failed that is not the engine's answer (a bug; words in `detail`). */
  | 'unexpected'
  /** NOT_FOUND: the engine answered 404 to a call that is not a removal. */
  | 'engine-not-found'
  /** CONFLICT: the engine answered 409 to a call that is not a removal. */
  | 'engine-conflict'
  // Image deletion conflicts, told apart by moby's fixed wording (the words stay in `detail`).
  /** CONFLICT: a running container uses the image (`subject`); even force cannot remove it. */
  | 'image-used-by-running-container'
  /** CONFLICT: a stopped container uses the image (`subject`). */
  | 'image-used-by-stopped-container'
  /** CONFLICT: other images are built on the image (`subject`). */
  | 'image-has-dependent-children'
  /** CONFLICT: the image (`subject`) is referenced in several repositories (tags). */
  | 'image-has-several-tags'
  /** CONFLICT: another prune is already running on this engine. */
  | 'prune-already-running'
  /** CONFLICT: another client's disk usage read is running (engines before API 1.42). */
  | 'disk-usage-busy'
  /** CONFLICT: the engine refused to remove `subject` for another reason. */
  | 'deletion-refused'
  /** NOT_FOUND: the preview a run names is gone (already ran, or too old to trust). */
  | 'preview-expired'
  /** NOT_FOUND: the preview was made on another engine (`endpoint`) than the one connected. */
  | 'preview-other-engine'
  // Containers and volumes.
  /** NOT_FOUND: the container (`subject`) no longer exists. */
  | 'container-not-found'
  /** CONFLICT: the container (`subject`) is running; Reclaim never stops one. */
  | 'container-running'
  /** CONFLICT: the engine refused to remove the container (`subject`). */
  | 'container-removal-refused'
  /** ENGINE_ERROR: removing the container (`subject`) failed (`values.status`). */
  | 'container-removal-failed'
  /** NOT_FOUND: the volume (`subject`) no longer exists. */
  | 'volume-not-found'
  /** CONFLICT: `values.count` containers use the volume (`subject`). */
  | 'volume-in-use'
  /** CONFLICT: the engine refused to remove the volume (`subject`). */
  | 'volume-removal-refused'
  /** ENGINE_ERROR: removing the volume (`subject`) failed (`values.status`). */
  | 'volume-removal-failed'
  /** NOT_FOUND: the network (`subject`) no longer exists. */
  | 'network-not-found'
  /** CONFLICT: the engine refused to remove the network (`subject`). */
  | 'network-removal-refused'
  /** ENGINE_ERROR: removing the network (`subject`) failed (`values.status`). */
  | 'network-removal-failed'
  // The connection's state.
  /** NOT_CONNECTED: no connection was attempted yet. */
  | 'not-connected-yet'
  /** NOT_CONNECTED: a connection is being made. */
  | 'still-connecting'
  /**
   * NOT_CONNECTED: the last connection failed; `values.reasonCode` and `values.reasonCause`
   * are that failure's code and cause, and its other values are kept, so its fix can be worded.
   */
  | 'engine-unavailable'
  // Calls from the page.
  /** VALIDATION: the page called a method (`subject`) that is not Reclaim's. */
  | 'unknown-method'
  /** VALIDATION: a call to `values.method` had malformed arguments (the schema's words in `detail`). */
  | 'malformed-arguments'
  /** VALIDATION: a browser-mode call to `values.method` was not a JSON array of arguments. */
  | 'arguments-not-json'
  /** VALIDATION: a browser-mode call to `values.method` was larger than `values.limit` bytes. */
  | 'arguments-too-large'
  /** VALIDATION: a frame that is not Reclaim's own page called Reclaim. */
  | 'untrusted-sender'
  /** VALIDATION: a link (`subject`) that is not Docker or Reclaim documentation. */
  | 'docs-url-refused'
  // Settings.
  /** VALIDATION: the settings do not validate (the schema's words in `detail`). */
  | 'settings-invalid'
  /** VALIDATION: a protected pattern (`subject`) is not a valid pattern. */
  | 'protected-pattern-invalid'
  /** VALIDATION: a protected label (`subject`) has no key. */
  | 'protected-label-without-key'
  // Browser mode (`npm run web`).
  /** VALIDATION: the command line does not parse (Node's words in `detail`). */
  | 'web-arguments-invalid'
  /** VALIDATION: `--port` / RECLAIM_PORT (`subject`) is not a port number. */
  | 'web-port-invalid'
  /** VALIDATION: RECLAIM_TOKEN is shorter than `values.minimum` characters. */
  | 'web-token-too-short'
  /** VALIDATION: `--host` / RECLAIM_DOCKER_HOST (`subject`) is not an engine endpoint. */
  | 'web-host-invalid'
  /** INTERNAL: the `npm run web` server did not answer the page. */
  | 'browser-server-unreachable'
  /** VALIDATION: the server answered HTTP 401: the page's token was refused. */
  | 'browser-token-refused';

/** Causes of a plan's run (src/main/engine/run). */
export type RunErrorCause =
  /** CONFLICT: the preview already showed this target blocked; the run did not call the engine. */
  | 'blocked-in-preview'
  /** CONFLICT: a protected image kept by the preview; nothing was done to it. */
  | 'kept-protected-in-preview'
  // A build cache record the run skipped (CHANGED_SINCE_PREVIEW; CacheRecordChange).
  /** Another client removed the record since the preview. */
  | 'cache-record-gone'
  /** A build holds the record now. */
  | 'cache-record-in-use'
  /** An image's layer shares the record's data now (the plan was not `-a`). */
  | 'cache-record-now-shared'
  /** A build used the record after the preview, within the plan's `until`. */
  | 'cache-record-used-since'
  /** Asked to prune the record alone, the engine removed nothing. */
  | 'cache-record-engine-kept'
  // A container, network or volume the run skipped (CHANGED_SINCE_PREVIEW; ResourceChange).
  /** Another client removed it since the preview. */
  | 'resource-gone'
  /** The container started since the preview. */
  | 'container-started'
  /** A container uses the network or volume now. */
  | 'resource-now-in-use';

export type ErrorCause = CoreErrorCause | MainErrorCause | RunErrorCause;
