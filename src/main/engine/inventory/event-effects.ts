import type { RawEvent } from './raw-types';

/** What an engine event makes the live inventory re-read. */
export type EventEffect =
  | { kind: 'image'; id: string }
  | { kind: 'all-images' }
  | { kind: 'container'; id: string }
  | { kind: 'stores' }
  | { kind: 'none' };

/**
 * Untag and delete name the image by ID and change only it (the parents `docker rmi` prunes
 * get their own delete events), so only that image is re-read. A tag, pull, load or import
 * can move a tag away from another image without any event for that image, so they re-list
 * all images (one call; layer facts are cached). Podman's compat API sends some actions
 * under its own names (`remove`…); anything not known is re-listed, to be safe.
 *
 * The build cache has no events the follower can ask every engine for (20.10 knows no
 * `builder` type): a build is seen by the tag (or create) of its image, so those re-read the
 * stores too (`/system/df`, coalesced), or a cleanup planned after a build would not know
 * its records.
 */
const IMAGE_BY_ID = new Set(['untag', 'delete', 'remove']);
const IMAGE_NO_CHANGE = new Set(['save', 'push', 'inspect', 'mount', 'unmount', 'export']);

/** Container actions that change nothing the inventory shows. */
const CONTAINER_NOISE =
  /^(exec_|attach|resize|top|health_status|copy|archive-path|extract-to-dir|export|detach|commit)/;

/** Volume sizes and reference counts live only in `/system/df`: re-read them, apart. */
const VOLUME_CHANGES = new Set(['create', 'destroy', 'prune', 'remove']);

function actionOf(event: RawEvent): string {
  return event.Action ?? event.status ?? '';
}

function actorId(event: RawEvent): string {
  return event.Actor?.ID ?? event.id ?? '';
}

export function effectsOf(event: RawEvent): EventEffect[] {
  const action = actionOf(event);
  const id = actorId(event);
  switch (event.Type) {
    case 'image':
      if (IMAGE_NO_CHANGE.has(action)) return [];
      if (IMAGE_BY_ID.has(action) && id.startsWith('sha256:')) return [{ kind: 'image', id }];
      return [{ kind: 'all-images' }, { kind: 'stores' }];
    case 'container': {
      if (CONTAINER_NOISE.test(action) || id.length === 0) return [];
      const effects: EventEffect[] = [{ kind: 'container', id }];
      // Creating or removing a container changes its volumes' reference counts.
      if (action === 'create' || action === 'destroy' || action === 'remove') {
        effects.push({ kind: 'stores' });
      }
      return effects;
    }
    case 'volume':
      return VOLUME_CHANGES.has(action) ? [{ kind: 'stores' }] : [];
    default:
      return [];
  }
}
