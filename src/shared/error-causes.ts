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
  /** INVALID_FILTER: a `label`/`label!` filter without a key. */
  | 'label-without-key'
  /** INVALID_FILTER: a `reference` or repository pattern that does not parse. */
  | 'pattern-invalid'
  /** INVALID_FILTER: `before`/`since` names no image (or a malformed reference). */
  | 'anchor-not-found'
  /** INVALID_FILTER: `before`/`since` names several images. */
  | 'anchor-ambiguous';

/** Causes of the main process's errors: connections, engine calls, settings, browser mode. */
export type MainErrorCause = never;

/** Causes of a plan's run (src/main/engine/run). */
export type RunErrorCause =
  /** CONFLICT: the preview already showed this target blocked; the run did not call the engine. */
  | 'blocked-in-preview'
  /** CONFLICT: a protected image kept by the preview; nothing was done to it. */
  | 'kept-protected-in-preview'
  /** NOT_FOUND: the preview already ran, or is too old to trust (runPlan). */
  | 'plan-unavailable';

export type ErrorCause = CoreErrorCause | MainErrorCause | RunErrorCause;
