import type { Catalogue } from '../messages';

export const zhCNResourcePlan: Catalogue['resourcePlan'] = {
  goes: '{count, plural, =0 {没有要删除的内容。} other {将删除 # 项}}，释放 {bytes}。',
  stays: '{count, plural, other {保留 # 项}}：',
  kind: { container: '容器', network: '网络', volume: '数据卷' },
  anonymous: '匿名',
  named: '具名',
  unknownBytes: '大小未知',
  keep: {
    running: '正在运行：Reclaim 从不停止容器',
    'in-use': '容器 {by} 正在使用',
    'in-use-unnamed': '有容器正在使用',
    predefined: '引擎自带的网络',
    'not-local': 'Swarm 网络：只有 Swarm 管理节点能删除它',
    'not-ticked': '未使用；勾选后会删除它及其数据',
    unticked: '你在本次检查中取消了勾选',
  },
  tickVolume: '在本次清理中删除数据卷 {name} 及其数据',
  untick: '在本次清理中删除 {name}',
  commands: '等效命令',
  confirm: '删除 {count} 项（{bytes}）',
};
