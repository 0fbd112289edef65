/**
 * Words for facts the main process sends as codes and records: plans, run results and
 * errors carry no sentence meant for display, so every language reads its own. The engine's
 * own words arrive in their own fields and are shown quoted.
 */
import type { ContainerRef } from '../../../shared/model';
import type { ReclaimError } from '../../../shared/errors';
import type {
  Fix,
  KeptImage,
  LayerUser,
  PlannedTarget,
  PreviewChange,
  PruneOptions,
  RunSubject,
} from '../../../shared/plan';
import type { ProtectionMatch } from '../../../shared/core/filters/protection';
import { shortId } from '../ui/format';
import { runtimeWord, type Translate } from './translator';
import type { ErrorWords } from './errors/catalogue';
import { wordError, type ErrorTranslate } from './errors/error-words';

/** The typed translator (`$t`): only catalogue keys are accepted. */
export type { Translate } from './translator';

/** Docker's state word in the UI language; an unknown word is shown as the engine said it. */
export function stateWord(t: Translate, state: string): string {
  return runtimeWord(t, 'state', state, state);
}

/** Where discovery found an engine; catalogue keys cannot hold a dot (config.json). */
export function sourceWord(t: Translate, source: string): string {
  return runtimeWord(t, 'engineSource', source.replace('.', '-'), source);
}

export function containerWords(t: Translate, containers: readonly ContainerRef[]): string {
  return containers
    .map((c) => `${c.name} (${stateWord(t, c.running ? 'running' : c.state)})`)
    .join(', ');
}

/**
 * The containers and names behind a blocked outcome: the target's own, or, where children
 * first stopped at a child, that child's (the outcome is the child's then).
 */
function blockingFacts(target: PlannedTarget): Pick<PlannedTarget, 'containers' | 'otherTags'> {
  return target.note?.kind === 'child-blocked'
    ? { containers: target.note.containers, otherTags: target.note.tags }
    : { containers: target.containers, otherTags: target.otherTags };
}

/** The rule that protects an image, as the settings name it. */
export function protectionWords(t: Translate, match: ProtectionMatch): string {
  if (match.by === 'review') return t('explain.protection.review');
  if (match.by === 'recently-used') {
    return t(`explain.protection.${match.evidence}`, { values: { date: isoDay(match.at) } });
  }
  if (match.by === 'newest') {
    return t('explain.protection.newest', { values: { count: match.keep } });
  }
  if (match.by === 'label')
    return t('explain.protection.label', { values: { label: match.label } });
  return t(match.valid ? 'explain.protection.pattern' : 'explain.protection.invalidPattern', {
    values: { pattern: match.pattern },
  });
}

/** Why a target ends as it does, from its outcome and the facts the plan carries. */
export function targetReason(t: Translate, target: PlannedTarget): string {
  if (target.duplicateOf) return t('explain.duplicate', { values: { input: target.duplicateOf } });
  const note = target.note;
  if (note?.kind === 'already-removed') return t('explain.reason.alreadyRemoved');
  if (note?.kind === 'protected-child') {
    return t('explain.reason.protectedChild', {
      values: { child: shortId(note.child), rule: protectionWords(t, note.protectedBy) },
    });
  }
  const reason = outcomeReason(t, { ...target, ...blockingFacts(target) });
  const parts = [
    ...(note?.kind === 'child-blocked'
      ? [t('explain.reason.childBlocked', { values: { child: shortId(note.child) } })]
      : []),
    reason,
    // Kept by `noprune` (Docker); on Podman the target is refused instead, which `reason` says.
    ...(target.pruneParents === false &&
    target.protectedParents &&
    target.protectedParents.length > 0
      ? [
          t('explain.reason.protectedParentsKept', {
            values: {
              ids: target.protectedParents.map(shortId).join(', '),
              count: target.protectedParents.length,
            },
          }),
        ]
      : []),
    ...(target.protectedBy && target.outcome !== 'kept-protected'
      ? [t('explain.reason.protectedNamedAlone')]
      : []),
  ];
  return parts.join(t('punct.sentenceGap'));
}

function outcomeReason(t: Translate, target: PlannedTarget): string {
  switch (target.outcome) {
    case 'deleted':
      return t(
        target.deleted.length > 0 ? 'explain.reason.deleted' : 'explain.reason.deletedNoLayers',
      );
    case 'untagged-only': {
      // The image stays for one of three reasons: other tags, a running container, children.
      if (target.otherTags.length > 0) {
        return t('explain.reason.untagged-only', { values: { tags: target.otherTags.join(', ') } });
      }
      const running = target.containers.filter((c) => c.running);
      if (running.length > 0) {
        return t('explain.reason.untaggedRunning', {
          values: { containers: containerWords(t, running) },
        });
      }
      // The containerd store keeps a forced name's image for a stopped container too.
      if (target.containers.length > 0 && target.children.length === 0) {
        return t('explain.reason.untaggedUsed', {
          values: { containers: containerWords(t, target.containers) },
        });
      }
      return t('explain.reason.untaggedChildren');
    }
    case 'blocked-by-containers':
      return t('explain.reason.blocked-by-containers', {
        values: { containers: containerWords(t, target.containers) },
      });
    case 'blocked-by-running-container':
      return t('explain.reason.blocked-by-running-container', {
        values: {
          containers: containerWords(
            t,
            target.containers.filter((c) => c.running),
          ),
        },
      });
    case 'blocked-by-children':
      return t('explain.reason.blocked-by-children', {
        values: { count: target.children.length },
      });
    case 'needs-force-multiple-tags':
      return t('explain.reason.needs-force-multiple-tags', {
        values: { tags: target.otherTags.concat(target.untagged).join(', ') },
      });
    case 'kept-protected':
      return t('explain.reason.kept-protected');
    case 'blocked-by-protected-parent':
      return t('explain.reason.blocked-by-protected-parent', {
        values: {
          ids: (target.protectedParents ?? []).map(shortId).join(', '),
          count: target.protectedParents?.length ?? 0,
        },
      });
  }
}

/**
 * What a fix does and costs, worded for the target that offers it. Force means three
 * different things: every tag (removed by ID), only the name (a running container), or the
 * image under a stopped container.
 */
export function fixExplanation(t: Translate, fix: Fix, targets: readonly PlannedTarget[]): string {
  const target = targets.find((candidate) => candidate.fixes.some((f) => f.kind === fix.kind));
  if (!target) return '';
  switch (fix.kind) {
    case 'remove-stopped-containers': {
      const stopped = target.containers.filter((c) => !c.running);
      const names = stopped.map((c) => c.name).join(' ');
      return t('explain.fix.remove-stopped-containers', {
        values: { names, count: stopped.length },
      });
    }
    case 'children-first':
      return t('explain.fix.children-first', {
        values: { ids: target.children.map(shortId).join(', '), count: target.children.length },
      });
    case 'force':
      if (target.outcome === 'needs-force-multiple-tags') return t('explain.fix.forceTags');
      if (target.outcome === 'blocked-by-running-container')
        return t('explain.fix.forceRunningName');
      return t('explain.fix.forceStopped');
  }
}

/** The running containers that block a plan with no fix: the user must stop them first. */
export function runningBlockers(targets: readonly PlannedTarget[]): string[] {
  const names = targets
    .filter((target) => target.outcome === 'blocked-by-running-container')
    .flatMap((target) =>
      blockingFacts(target)
        .containers.filter((c) => c.running)
        .map((c) => c.name),
    );
  return [...new Set(names)];
}

export function keptReason(t: Translate, kept: KeptImage, options: PruneOptions): string {
  if (kept.reason === 'in-use' && kept.containers && kept.containers.length > 0) {
    const names = kept.containers.map((c) => c.name).join(', ');
    return t('explain.keep.in-use-by', { values: { names } });
  }
  if (kept.reason === 'in-use' && kept.engineMessage) return t('explain.keep.engineRefuses');
  if (kept.reason === 'protected' && kept.protectedBy) {
    return t('explain.keep.protectedBy', {
      values: { rule: protectionWords(t, kept.protectedBy) },
    });
  }
  if (kept.reason === 'parent-of-kept' && kept.parent) {
    const child = kept.parent.kind === 'of-kept' ? shortId(kept.parent.child) : '';
    return t(`explain.keep.parent.${kept.parent.kind}`, { values: { child } });
  }
  if (kept.reason === 'not-matching' && kept.filter && kept.filter !== 'until') {
    const value =
      kept.filter === 'before'
        ? options.before
        : kept.filter === 'since'
          ? options.since
          : kept.filter === 'repository'
            ? options.repository
            : '';
    return t(`explain.keep.filter.${kept.filter}`, { values: { value: value ?? '' } });
  }
  if (kept.reason === 'takes-protected-parent') {
    return t('explain.keep.takes-protected-parent', {
      values: { parent: shortId(kept.protectedParent ?? '') },
    });
  }
  return t(`explain.keep.${kept.reason}`, { values: { until: options.until ?? '' } });
}

/** What still uses a kept layer: an image by its name, a container by its short ID. */
export function layerUserWords(t: Translate, user: LayerUser): string {
  return user.kind === 'image'
    ? user.name
    : t('explain.layerUser.container', { values: { id: user.id } });
}

/** An engine call of a run, named for the user. */
export function subjectWords(t: Translate, subject: RunSubject): string {
  if (subject.kind === 'child-image') {
    return t('explain.subject.child-image', { values: { id: shortId(subject.imageId) } });
  }
  return t(`explain.subject.${subject.kind}`, { values: { name: subject.name } });
}

/** What changed since the preview, for a target the run skipped. */
export function changeWords(t: Translate, change: PreviewChange): string {
  const list = (items: readonly string[]): string =>
    items.length === 0 ? t('explain.change.none') : items.map(shortRef).join(', ');
  switch (change.kind) {
    case 'image-gone':
      return t('explain.change.image-gone', { values: { id: shortId(change.imageId) } });
    case 'reference-gone':
      return t('explain.change.reference-gone', { values: { reference: change.reference } });
    case 'reference-moved':
      return t('explain.change.reference-moved', {
        values: {
          reference: change.reference,
          id: shortId(change.imageId),
          previewed: shortId(change.previewed),
        },
      });
    case 'new-container':
      return t('explain.change.new-container', { values: { container: change.container } });
    case 'outcome-changed':
      return t('explain.change.outcome-changed', {
        values: {
          now: t(`remove.outcome.${change.now}`),
          previewed: t(`remove.outcome.${change.previewed}`),
        },
      });
    case 'effect-changed': {
      const changes = [
        ...change.added.map((x) => `+${shortRef(x)}`),
        ...change.removed.map((x) => `-${shortRef(x)}`),
      ].join(', ');
      return t('explain.change.effect-changed', {
        values: { what: t(`explain.change.effect.${change.what}`), changes },
      });
    }
    case 'names-changed':
      return t('explain.change.names-changed', {
        values: { now: list(change.now), previewed: list(change.previewed) },
      });
    case 'engine-would-refuse':
      return t('explain.change.engine-would-refuse');
    case 'still-there':
      return change.removedWith === null
        ? t('explain.change.still-there')
        : t('explain.change.still-there-with', { values: { id: shortId(change.removedWith) } });
    case 'removed-meanwhile':
      return t('explain.change.removed-meanwhile', {
        values: { subject: subjectWords(t, change.subject) },
      });
  }
}

/** IDs shortened as the CLI shows them; references as they are. */
function shortRef(value: string): string {
  return value.startsWith('sha256:') ? shortId(value) : value;
}

/**
 * An error's message and fix in the UI language, from its code, cause and values alone (see
 * errors/error-words.ts); the engine's own words stay in `detail`, shown quoted.
 */
export function errorWords(t: Translate, error: ReclaimError): ErrorWords {
  // The error catalogue is typed by its own code × cause table (errors/catalogue.ts) and
  // looked up by code and cause, so it takes the translator untyped.
  return wordError(t as ErrorTranslate, error);
}

/** A Unix-seconds time as its UTC day, `2026-12-03`: the same in every language. */
export function isoDay(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}
