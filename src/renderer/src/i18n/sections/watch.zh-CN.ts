import type { Catalogue } from '../messages';

export const zhCNWatch: Catalogue['watch'] = {
  title: 'Docker 磁盘空间',
  reclaimable: '{host} 上可以释放 {bytes}。',
  lowFree: '存放引擎数据的磁盘（{path}）只剩 {free} 可用，共 {total}。',
  vm: {
    'docker-desktop': 'Docker Desktop',
    colima: 'Colima',
    orbstack: 'OrbStack',
    'podman-machine': 'Podman machine',
    lima: 'Lima',
  },
  vmNote:
    '此引擎运行在虚拟机（{vm}）中：清理释放的空间会回到虚拟机的磁盘，在压缩该磁盘之前可能不会回到这台电脑。',
  review: '检查安全清理',
  dismiss: '关闭',
  notification: '打开 Reclaim 检查安全清理。',
  settings: '磁盘空间监视',
  enabled: '空间不足时提醒我（桌面通知；浏览器模式下为页面横幅）',
  reclaimableAt: '可释放的空间达到多少 GB 时',
  freeBelow: '引擎磁盘的可用空间少于多少 GB 时',
};
