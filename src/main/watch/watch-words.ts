import type { DiskWatchAlert } from '../../shared/disk-watch';
import type { Language } from '../../shared/settings';
import { humanSize } from '../../shared/format/human-size';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-CN';
import { catalogueTranslator } from '../../renderer/src/i18n/errors/translate';

/**
 * The desktop notification's words: main is an edge here, like the renderer, so it words
 * the alert itself from the renderer's catalogues, in the user's language (`system`: the
 * OS locale Electron reports).
 */
export function diskWatchNotificationText(
  alert: DiskWatchAlert,
  language: Language,
  systemLocale: string,
): { title: string; body: string } {
  const locale =
    language === 'system' ? (systemLocale.startsWith('zh') ? 'zh-CN' : 'en') : language;
  const t = catalogueTranslator(locale === 'zh-CN' ? zhCN : en, locale);
  const lines: string[] = [];
  if (alert.reasons.includes('reclaimable')) {
    lines.push(
      t('watch.reclaimable', {
        values: { bytes: humanSize(alert.reclaimableBytes), host: alert.host },
      }),
    );
  }
  if (alert.reasons.includes('low-free-space') && alert.disk) {
    lines.push(
      t('watch.lowFree', {
        values: {
          free: humanSize(alert.disk.freeBytes),
          total: humanSize(alert.disk.totalBytes),
          path: alert.disk.path,
        },
      }),
    );
  }
  lines.push(t('watch.notification'));
  return { title: t('watch.title'), body: lines.join(' ') };
}
