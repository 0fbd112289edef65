/**
 * Words for facts the main process sends as codes and values. The main process also writes
 * English sentences (reasons, fix explanations, error messages); the UI words them itself
 * from the codes so every language reads its own, and keeps the engine's text only as a
 * quoted detail.
 */
import type { ContainerRef } from '../../../shared/model';
import type { ReclaimError } from '../../../shared/errors';
import type { Fix, KeptImage, PlannedTarget, PruneOptions } from '../../../shared/plan';
import { shortId } from '../ui/format';
import type { ErrorWords } from './errors/catalogue';
import { wordError } from './errors/error-words';

/** svelte-i18n's formatter, narrowed to what these helpers use. */
export type Translate = (
  key: string,
  options?: { values?: Record<string, string | number>; default?: string },
) => string;

/** Docker's state word in the UI language; an unknown word is shown as the engine said it. */
export function stateWord(t: Translate, state: string): string {
  return t(`state.${state}`, { default: state });
}

/** Where discovery found an engine; catalogue keys cannot hold a dot (config.json). */
export function sourceWord(t: Translate, source: string): string {
  return t(`engineSource.${source.replace('.', '-')}`, { default: source });
}

export function containerWords(t: Translate, containers: readonly ContainerRef[]): string {
  return containers
    .map((c) => `${c.name} (${stateWord(t, c.running ? 'running' : c.state)})`)
    .join(', ');
}

/** The engine's own conflict text the planner quotes ("The engine would answer: …"). */
export function engineAnswer(target: PlannedTarget): string | null {
  const match = /The engine would answer: (.*)$/s.exec(target.reason);
  return match?.[1]?.trim() ?? null;
}

/** Why a target ends as it does, from its outcome and the facts the plan carries. */
export function targetReason(t: Translate, target: PlannedTarget): string {
  if (target.duplicateOf) return t('explain.duplicate', { values: { input: target.duplicateOf } });
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
  }
}

/**
 * What a fix does and costs, worded for the target that offers it. Force means three
 * different things: every tag (removed by ID), only the name (a running container), or the
 * image under a stopped container.
 */
export function fixExplanation(t: Translate, fix: Fix, targets: readonly PlannedTarget[]): string {
  const target = targets.find((candidate) => candidate.fixes.some((f) => f.kind === fix.kind));
  if (!target) return fix.explanation;
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
    .flatMap((target) => target.containers.filter((c) => c.running).map((c) => c.name));
  return [...new Set(names)];
}

export function keptReason(t: Translate, kept: KeptImage, options: PruneOptions): string {
  if (kept.reason === 'in-use' && kept.containers && kept.containers.length > 0) {
    const names = kept.containers.map((c) => c.name).join(', ');
    return t('explain.keep.in-use-by', { values: { names } });
  }
  return t(`explain.keep.${kept.reason}`, { values: { until: options.until ?? '' } });
}

/**
 * An error's message and fix in the UI language, from its code, cause and values alone (see
 * errors/error-words.ts); the engine's own words stay in `detail`, shown quoted.
 */
export function errorWords(t: Translate, error: ReclaimError): ErrorWords {
  return wordError(t, error);
}
