import type { Inventory } from '../../model';
import type { PruneOptions, PrunedImage } from '../../plan';
import { familiarString, fullString } from '../references/reference-grammar';
import { EngineModel } from './engine-model';
import { shortId } from '../../format/short-id';
import { cliName, type CliName } from './cli-name';

/** `docker image prune -a --filter until=72h -f`, or the list form for list-only selectors. */
export function pruneCommand(options: PruneOptions, cli: CliName = 'docker'): string {
  const pruneFilters = [
    ...(options.until !== undefined ? [`until=${options.until}`] : []),
    ...(options.label ?? []).map((l) => `label=${l}`),
    ...(options.labelNot ?? []).map((l) => `label!=${l}`),
  ];
  const listOnly = [
    ...(options.before !== undefined ? [`before=${options.before}`] : []),
    ...(options.since !== undefined ? [`since=${options.since}`] : []),
    ...(options.reference ?? []).map((r) => `reference=${r}`),
  ];
  const flags = (filters: string[]): string => filters.map((f) => ` --filter ${quote(f)}`).join('');
  if (listOnly.length === 0 && options.repository === undefined) {
    return `${cli} image prune${options.all ? ' -a' : ''}${flags(pruneFilters)} -f`;
  }
  const dangling = options.all ? [] : ['dangling=true'];
  const repo = options.repository !== undefined ? ` ${quote(options.repository)}` : '';
  return `${cli} rmi $(${cli} images -q${flags([...dangling, ...pruneFilters, ...listOnly])}${repo})`;
}

function quote(word: string): string {
  return /^[\w.=:/!@-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The plan as an explicit `docker rmi`, for when the prune equivalent would also untag or
 * delete images the plan keeps (protected ones, parents of kept ones): a user scripting the
 * prune line would lose them. The names are the ones the run deletes through, in its order
 * (a repository's last tag takes its digests along, so those are not named again). The plan
 * lists the kept images the prune would touch (`cliWouldTouch`); the UI says why.
 */
export function explicitRmi(inv: Inventory, remove: readonly PrunedImage[]): string {
  const noPrune = remove.some((r) => !r.pruneParents);
  const model = EngineModel.fromInventory(inv);
  const names: string[] = [];
  // With --no-prune the untagged parents do not go along: name them too (they come after).
  for (const entry of remove.filter((r) => noPrune || r.removedWith === null)) {
    const image = model.images.get(entry.imageId);
    if (!image) continue;
    if (image.refs.length === 0) {
      names.push(shortId(entry.imageId));
      model.delete({ kind: 'id', id: entry.imageId }, false, !noPrune);
      continue;
    }
    for (const ref of [...image.refs]) {
      const key = fullString(ref);
      const still = model.images.get(entry.imageId)?.refs.some((r) => fullString(r) === key);
      if (!still) continue;
      names.push(familiarString(ref));
      model.delete({ kind: 'reference', reference: familiarString(ref) }, false, !noPrune);
    }
  }
  if (names.length === 0) return '';
  return `${cliName(inv.engine)} rmi${noPrune ? ' --no-prune' : ''} ${names.map(quote).join(' ')}`;
}
