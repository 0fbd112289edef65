import type { ErrorSection } from './catalogue';

const WEB_USAGE = '用法：npm run web -- [--port N] [--host unix:///path/docker.sock]';
const PAGE_FAULT = '这是页面的故障，而不是你的 Docker 的问题：请重新加载窗口，如果反复出现请报告。';
const REPORT = '请重试；如果问题持续出现，请连同显示的详细信息一起报告。';
const ENGINE_LOGS = '请重试；如果仍然失败，请查看引擎自身的日志。';
const ADDRESS_FORMS =
  '请在设置或 DOCKER_HOST 中使用 unix:///path/to/docker.sock、npipe:////./pipe/docker_engine、tcp://host:port 或 ssh://user@host。';
const TLS_FOLDER =
  '请将 DOCKER_CERT_PATH（或上下文的 TLS 文件，或设置）指向存放此引擎 ca.pem、cert.pem 和 key.pem 的文件夹。';
const TLS_FILE = '{file, select, ca {CA 证书} cert {客户端证书} other {客户端密钥}}';
const cannotUse = (why: string) => `无法使用引擎地址 {endpoint}：${why}。`;

/** 简体中文的错误说明。引擎自己的原话不在这里：界面从 `detail` 中原样引用。 */
export const zhCNErrors = {
  anyEngine: '引擎地址',
  codes: {
    ENGINE_NOT_RUNNING: {
      default: {
        message: '{endpoint} 上没有引擎响应。',
        fix: '启动 Docker（或 Podman）后重试，或选择其他引擎。',
      },
      'socket-missing': {
        message: '{endpoint} 上没有正在运行的引擎：那里没有套接字。',
        fix: '启动该引擎后重试，或在设置中选择其他引擎。',
      },
      'pipe-missing': {
        message: '{endpoint} 上没有正在运行的引擎：该命名管道不存在。',
        fix: '启动 Docker Desktop 后重试，或在设置中选择其他引擎。',
      },
      'connection-refused': {
        message: '{endpoint} 上没有正在运行的引擎：那里没有程序在监听。',
        fix: '启动该引擎后重试，或在设置中选择其他引擎。',
      },
      'connection-cut': {
        message: '与 {endpoint} 的连接被中断。',
        fix: '检查引擎是否正在运行且可以访问，然后重试。',
      },
      'no-engine-found': {
        message:
          '{count, plural, =0 {在这台机器上没有找到正在运行的 Docker 或 Podman 引擎。} other {在这台机器上没有找到正在运行的 Docker 或 Podman 引擎（查找过：{candidates}）。}}',
        fix: '启动你的引擎（Docker Desktop、`sudo systemctl start docker`、`colima start`、OrbStack、Rancher Desktop 或 `podman machine start`），或在设置中填写它的地址。',
      },
    },
    PERMISSION_DENIED: {
      default: {
        message: '访问 {endpoint} 被拒绝。',
        fix: '确认你的用户有权使用此引擎，或选择其他引擎。',
      },
      'access-denied': {
        message: '连接 {endpoint} 时权限被拒绝。',
        fix: '确认你的用户有权使用此套接字，或选择其他引擎。',
      },
      'ssh-auth-failed': {
        message: '{endpoint} 的 ssh 服务器不接受你的任何密钥。',
        fix: '将此主机接受的密钥加载到 ssh agent 中（`ssh-add`），以便 Reclaim 登录。',
      },
      'ssh-host-unknown': {
        message:
          'Reclaim 不认识 {endpoint} 的 ssh 主机密钥（{keyType} {fingerprint}），因此没有连接。',
        fix: '先用 `{command}` 连接一次，核对指纹确为该服务器的指纹后接受它，然后再次连接。',
      },
      'ssh-host-changed': {
        message:
          '{endpoint} 的 ssh 主机密钥与你的 known_hosts 中的不同（现在显示 {keyType} {fingerprint}）：服务器更换了密钥，或有人在中间拦截。Reclaim 没有连接。',
        fix: '请向服务器管理员确认其密钥是否已更换。仅在确已更换时，用 `{command}` 删除旧密钥，再用 ssh 连接一次以接受新密钥。',
      },
      'ssh-host-revoked': {
        message:
          '{endpoint} 的 ssh 主机密钥（{keyType} {fingerprint}）在你的 known_hosts 中被标记为已吊销，因此 Reclaim 没有连接。',
        fix: '请向服务器管理员索取该服务器当前的密钥。',
      },
    },
    TIMEOUT: {
      default: {
        message: '{endpoint} 上的引擎未及时响应。',
        fix: '检查引擎是否正在运行且没有过载，然后重试。',
      },
      'no-answer': {
        message: '{endpoint} 没有及时响应。',
        fix: '检查引擎是否正在运行且没有过载，然后重试。',
      },
      'request-timed-out': {
        message: '{endpoint} 在 {seconds} 秒内没有响应 {method} {path}。',
        fix: '检查引擎是否正在运行且没有过载，然后重试。',
      },
    },
    TLS_FAILED: {
      default: {
        message: '与 {endpoint} 的 TLS 连接失败。',
        fix: '检查此引擎的 TLS 文件（DOCKER_CERT_PATH 或上下文的 TLS 文件）。',
      },
      'plain-http-to-tls': {
        message: '{endpoint} 只接受 TLS 连接。',
        fix: '为此端点开启 TLS：设置 DOCKER_TLS_VERIFY=1，并将 DOCKER_CERT_PATH 设为存放 ca.pem、cert.pem 和 key.pem 的文件夹，或使用带有这些文件的 docker 上下文。',
      },
      'tls-handshake': {
        message: '与 {endpoint} 的 TLS 连接失败。',
        fix: '检查 ca.pem 是否与引擎的证书匹配，以及 cert.pem 和 key.pem 是否为引擎信任的客户端证书对（DOCKER_CERT_PATH 或上下文的 TLS 文件）。',
      },
      'tls-file-missing': {
        message: `TLS ${TLS_FILE} {subject} 不存在，因此 Reclaim 无法安全地连接到 {endpoint}。`,
        fix: TLS_FOLDER,
      },
      'tls-file-unreadable': {
        message: `无法读取 TLS ${TLS_FILE} {subject}，因此 Reclaim 无法安全地连接到 {endpoint}。`,
        fix: TLS_FOLDER,
      },
      'tls-cert-without-key': {
        message: '{endpoint} 的 TLS 设置中有客户端证书，却没有对应的密钥。',
        fix: '同时提供 cert.pem 和 key.pem（或都不提供），与 ca.pem 放在一起。',
      },
      'tls-key-without-cert': {
        message: '{endpoint} 的 TLS 设置中有客户端密钥，却没有对应的证书。',
        fix: '同时提供 cert.pem 和 key.pem（或都不提供），与 ca.pem 放在一起。',
      },
    },
    API_TOO_OLD: {
      default: {
        message: '{endpoint} 使用的 Docker API 版本是此 Reclaim 无法使用的。',
        fix: '更新引擎或 Reclaim，或连接到其他引擎。',
      },
      'engine-api-too-old': {
        message:
          '{endpoint} 上的引擎使用 Docker API {engineMax}；Reclaim 需要 {clientMin} 或更新版本。',
        fix: '更新引擎（Docker 20.10 或更新版本、Podman 4 或更新版本），或连接到其他引擎。',
      },
      'engine-api-too-new': {
        message:
          '{endpoint} 上的引擎不再接受此 Reclaim 支持的最新 API {clientMax}（它需要 {engineMin} 或更新版本）。',
        fix: '更新 Reclaim。',
      },
      'client-version-refused': {
        message: '引擎拒绝 API {clientVersion}；它至少需要 {minimum}。',
        fix: '将 Reclaim 更新到支持此引擎 API 的版本。',
      },
    },
    ENDPOINT_INVALID: {
      default: { message: '无法使用此引擎地址。', fix: ADDRESS_FORMS },
      'host-unknown': {
        message: '无法解析 {endpoint} 中的主机名。',
        fix: '检查地址是否有拼写错误，或检查你的网络和 DNS。',
      },
      'address-empty': { message: '引擎地址为空。', fix: ADDRESS_FORMS },
      'address-port-not-number': {
        message: cannotUse('“{subject}”不是端口号'),
        fix: ADDRESS_FORMS,
      },
      'address-port-out-of-range': {
        message: cannotUse('端口 {port} 超出范围'),
        fix: ADDRESS_FORMS,
      },
      'address-ipv6-unclosed': {
        message: cannotUse('IPv6 地址缺少结尾的“]”'),
        fix: ADDRESS_FORMS,
      },
      'address-after-ipv6': {
        message: cannotUse('“]”之后有多余的文字'),
        fix: ADDRESS_FORMS,
      },
      'address-path': {
        message: cannotUse('不支持主机之后的路径'),
        fix: ADDRESS_FORMS,
      },
      'address-ssh-path': { message: cannotUse('ssh 地址不能带路径'), fix: ADDRESS_FORMS },
      'address-ssh-password': {
        message: cannotUse('地址中包含密码'),
        fix: '不要在地址中写密码：请改为把密钥加载到 ssh agent 中（`ssh-add`）。',
      },
      'address-ssh-no-host': {
        message: cannotUse('ssh:// 之后没有主机名'),
        fix: ADDRESS_FORMS,
      },
      'address-scheme': {
        message: cannotUse('docker CLI 不接受“{scheme}://”这种协议'),
        fix: ADDRESS_FORMS,
      },
      'context-missing': {
        message:
          '{source, select, DOCKER_CONTEXT {DOCKER_CONTEXT} other {config.json（currentContext）}} 指定了 docker 上下文“{subject}”，但 {configDir} 中没有这个上下文。',
        fix: '创建它（docker context create {subject} --docker host=…），用 `docker context use` 选择其他上下文，或在设置中选择引擎。',
      },
    },
    NOT_FOUND: {
      default: {
        message: 'Reclaim 请求的对象已不存在。',
        fix: '请刷新：它可能已经被删除了。',
      },
      'no-such-image': {
        message: '没有镜像的引用或 ID 是 {subject}。',
        fix: '检查名称、标签或 ID（docker images 会列出它们），或刷新列表。',
      },
      'engine-not-found': {
        message: '引擎没有找到 Reclaim 请求的对象。',
        fix: '请刷新：它可能已经被删除了。',
      },
      'preview-expired': {
        message: '此预览已不可用（它已经执行过，或时间太久已不可信）。',
        fix: '请重新预览，然后确认。',
      },
      'preview-other-engine': {
        message: '此预览是在另一个引擎（{endpoint}）上生成的；没有执行任何操作。',
        fix: '请在当前连接的引擎上重新预览，然后确认。',
      },
      'container-not-found': {
        message: '容器 {subject} 已不存在。',
        fix: '请刷新列表。',
      },
      'volume-not-found': { message: '数据卷 {subject} 已不存在。', fix: '请刷新列表。' },
      'network-not-found': { message: '网络 {subject} 已不存在。', fix: '请刷新列表。' },
    },
    AMBIGUOUS_REFERENCE: {
      default: {
        message: '有歧义：有 {count} 个镜像以此开头。',
        fix: '请输入更多位 ID。',
      },
    },
    INVALID_REFERENCE: {
      default: {
        message: '这不是镜像引用或 ID。',
        fix: '请写成 name、name:tag、name@sha256:…、短 ID 或长 ID。',
      },
      'reference-empty': {
        message: '没有输入任何内容。',
        fix: '请输入镜像 ID（或其开头几个字符）、name:tag（如 redis:alpine）或 name@sha256:…（镜像摘要）。',
      },
      'reference-syntax': {
        message: '这不是有效的镜像引用。',
        fix: '按 docker CLI 的写法：小写的 name、name:tag 或 name@sha256:…，或者短 ID、长 ID。',
      },
      'id-prefix-too-short': {
        message: '对于 containerd 镜像存储来说，这个 ID 前缀太短。',
        fix: '请输入更多位 ID，或使用长 ID。',
      },
    },
    INVALID_FILTER: {
      default: { message: '此过滤条件的值无效。', fix: '请更正过滤条件的值。' },
      'until-invalid': {
        message: 'until 过滤条件“{subject}”既不是时长，也不是时间戳或 Unix 秒数。',
        fix: '请使用时长（如 72h 或 1h30m，没有“d”单位：3 天写作 72h）、日期（如 2024-01-31 或 2024-01-31T12:00:00Z）或 Unix 秒数。',
      },
      'cache-until-invalid': {
        message: '构建缓存的 until 过滤条件“{subject}”不是时长。',
        fix: '请使用时长（如 24h 或 1h30m，没有“d”单位：3 天写作 72h）。构建缓存不接受日期。',
      },
      'label-without-key': {
        message: '标签过滤条件“{subject}”没有键。',
        fix: '请写成 label=key 或 label=key=value（label!= 同理）。',
      },
      'pattern-invalid': {
        message: '此引用模式无效。',
        fix: '请使用 Docker 的模式规则：* 和 ?（不跨越 /）、[a-z] 字符类，例如 *:latest 或 team/*。',
      },
      'anchor-not-found': {
        message: '没有镜像是“{subject}”，因此 before= 或 since= 无法以它为起点。',
        fix: '请为 before= 或 since= 指定一个存在的镜像（name:tag、短 ID 或长 ID）。',
      },
      'anchor-ambiguous': {
        message: '有多个镜像 ID 以“{subject}”开头。',
        fix: '请为 before= 或 since= 输入更多位 ID。',
      },
    },
    CONFLICT: {
      default: {
        message: '引擎拒绝了操作。',
        fix: '阅读引擎给出的原因，解决它指出的问题后重试。',
      },
      'blocked-in-preview': {
        message: '未删除：预览已显示它受阻。',
        fix: '选择预览中的一种解决办法，或解决阻止它的问题，然后重新预览。',
      },
      'kept-protected-in-preview': {
        message: '已保留：它受保护，受保护的镜像绝不会与其他镜像一起删除。',
        fix: '没有对它做任何操作。如确实要删除它，请单独删除。',
      },
      'engine-conflict': {
        message: '引擎拒绝了此请求。',
        fix: '阅读引擎给出的原因，解决它指出的问题后重试。',
      },
      'image-used-by-running-container': {
        message: '引擎拒绝删除 {subject}：有正在运行的容器在使用它。',
        fix: '正在运行的容器所使用的镜像即使强制也无法删除：请先停止并删除该容器（docker stop、docker rm），再删除镜像。',
      },
      'image-used-by-stopped-container': {
        message: '引擎拒绝删除 {subject}：有容器在使用它。',
        fix: '先删除已停止的容器，再删除镜像；或者强制删除，这样容器会保留（它的文件仍在），但无法再用该镜像创建新容器。',
      },
      'image-has-dependent-children': {
        message: '引擎拒绝删除 {subject}：有其他镜像基于它构建。',
        fix: '先删除子镜像（从最深的开始），再删除此镜像。',
      },
      'image-has-several-tags': {
        message: '引擎拒绝删除 {subject}：有多个标签指向它。',
        fix: '按名称删除不再需要的标签，或强制删除所有标签和该镜像。',
      },
      'prune-already-running': {
        message: '此引擎上已有另一个清理操作正在运行。',
        fix: '等它完成后再重试。',
      },
      'disk-usage-busy': {
        message: '引擎仍在为另一个客户端计算磁盘用量。',
        fix: '等该客户端（docker system df 或其他工具）完成后再刷新。',
      },
      'deletion-refused': {
        message: '引擎拒绝删除 {subject}。',
        fix: '请刷新预览后重试。',
      },
      'container-running': {
        message: '容器 {subject} 正在运行，因此 Reclaim 没有删除它。',
        fix: '如果不再需要它，请先停止它（docker stop {subject}）。',
      },
      'container-removal-refused': {
        message: '引擎拒绝删除容器 {subject}。',
        fix: '阅读引擎给出的原因；通常是仍有东西在使用它。',
      },
      'volume-in-use': {
        message:
          '数据卷 {subject} 正被 {count, plural, other {# 个容器}}使用，因此 Reclaim 没有删除它。',
        fix: '如果不再需要其中的数据，请先删除使用它的容器。',
      },
      'volume-removal-refused': {
        message: '引擎拒绝删除数据卷 {subject}。',
        fix: '阅读引擎给出的原因；通常是仍有容器在使用它。',
      },
      'network-removal-refused': {
        message: '引擎拒绝删除网络 {subject}。',
        fix: '阅读引擎给出的原因；通常是仍有运行中的容器连接着它。',
      },
    },
    PRUNE_RUNNING: {
      default: {
        message: '此引擎上已有另一个清理操作正在运行。',
        fix: '等它完成后再重试。',
      },
    },
    VALIDATION: {
      default: { message: 'Reclaim 拒绝了一个无法读取的请求。', fix: PAGE_FAULT },
      'unknown-method': { message: '“{subject}”不是 Reclaim 的方法。', fix: PAGE_FAULT },
      'malformed-arguments': {
        message: '对 {method} 的调用参数格式错误。',
        fix: PAGE_FAULT,
      },
      'arguments-not-json': {
        message: '对 {method} 的调用不是 JSON 数组形式的参数。',
        fix: '请在请求正文中以 JSON 数组发送参数。',
      },
      'arguments-too-large': {
        message: '对 {method} 的调用超过 {limit, number} 字节，因此未被读取。',
        fix: 'Reclaim 的任何调用都不需要这么大：请发送更小的请求。',
      },
      'force-on-podman': {
        message:
          'Reclaim 不会在 Podman 上强制删除：Podman 的强制删除还会删掉所有使用该镜像的容器，而预览无法列出它们。',
        fix: '请不使用强制重新预览。要删除正被容器使用的镜像，请先删除该容器（“其他资源”，或“先删除已停止的容器”），然后再次预览。',
      },
      'untrusted-sender': {
        message: '一个不属于 Reclaim 的页面试图使用 Reclaim，已被拒绝。',
        fix: '没有做任何更改。如果这出乎你的意料，请重启 Reclaim。',
      },
      'docs-url-refused': {
        message: 'Reclaim 只打开 Docker 和 Reclaim 的文档链接。',
        fix: '如果你信任该页面，请自行打开。',
      },
      'settings-invalid': {
        message: '这些设置无效，因此没有保存。',
        fix: '请更正标出的值后再次保存。',
      },
      'protected-pattern-invalid': {
        message: '受保护模式“{subject}”不是有效的模式。',
        fix: '* 表示任意一串字符，? 表示一个字符，[a-z] 表示字符类；每个 [ 都要闭合，字面的方括号写作 \\[。',
      },
      'protected-label-without-key': {
        message: '受保护标签“{subject}”没有键。',
        fix: '请把标签写成 key 或 key=value，例如 reclaim.keep=true。',
      },
      'web-arguments-invalid': { message: '命令行参数无效。', fix: WEB_USAGE },
      'web-port-invalid': { message: '“{subject}”不是端口号。', fix: WEB_USAGE },
      'web-token-too-short': {
        message: 'RECLAIM_TOKEN 至少需要 {minimum} 个字符。',
        fix: '请设置更长的 RECLAIM_TOKEN，或不设置它以使用随机令牌。',
      },
      'web-host-invalid': {
        message: '“{subject}”不是引擎端点（unix://、tcp://、ssh://、npipe://）。',
        fix: WEB_USAGE,
      },
      'browser-token-refused': {
        message: '此页面的访问令牌被拒绝。',
        fix: '请打开 `npm run web` 打印出的网址，包括其中的 ?token=… 部分。',
      },
    },
    CHANGED_SINCE_PREVIEW: {
      default: {
        message: '已跳过：预览之后它发生了变化。',
        fix: '没有为它删除任何内容。请重新预览，查看现在删除它会发生什么。',
      },
      'resource-gone': {
        message: '已跳过：预览之后，另一个客户端删除了 {subject}。',
        fix: '无需再为它做任何事。',
      },
      'container-started': {
        message: '已跳过：预览之后容器 {subject} 启动了，因此没有动它。',
        fix: '如果不再需要它，请先停止它，然后重新预览。',
      },
      'resource-now-in-use': {
        message: '已跳过：预览之后有容器开始使用 {subject}，因此没有动它。',
        fix: '如果不再需要那个容器，请先删除它，然后重新预览。',
      },
      'cache-record-gone': {
        message: '已跳过：预览之后，另一个客户端删除了构建缓存记录 {subject}。',
        fix: '无需再为它做任何事。',
      },
      'cache-record-in-use': {
        message: '已跳过：构建缓存记录 {subject} 现在正被构建使用。',
        fix: '请在构建结束后重新预览。',
      },
      'cache-record-now-shared': {
        message: '已跳过：构建缓存记录 {subject} 现在与某个镜像共享。',
        fix: '它的数据随镜像保留。若仍要删除，请勾选“包括共享记录”后重新预览。',
      },
      'cache-record-used-since': {
        message: '已跳过：预览之后，有构建使用了构建缓存记录 {subject}。',
        fix: '它现在比 until 过滤条件更新。请重新预览，查看会删除什么。',
      },
      'cache-record-engine-kept': {
        message: '已跳过：请求删除构建缓存记录 {subject} 时，引擎没有删除任何内容。',
        fix: '引擎认为它不可清理（可能有记录基于它构建）。请重新预览。',
      },
    },
    CANCELLED: {
      default: { message: '在执行之前已停止。', fix: '准备好后再次执行。' },
    },
    NOT_CONNECTED: {
      default: {
        message: 'Reclaim 没有连接到引擎。',
        fix: '请稍候，或在设置中选择引擎。',
      },
      'not-connected-yet': {
        message: 'Reclaim 尚未连接到引擎。',
        fix: '请选择要连接的引擎。',
      },
      'still-connecting': {
        message: 'Reclaim 仍在连接 {endpoint}。',
        fix: '请稍候，或在设置中选择引擎。',
      },
      'engine-unavailable': {
        message: 'Reclaim 没有连接到 {endpoint}：上一次连接失败了。',
        fix: '请重试，或在设置中选择其他引擎。',
      },
    },
    ENGINE_ERROR: {
      default: { message: '引擎返回了错误。', fix: ENGINE_LOGS },
      'not-an-engine': {
        message:
          '{endpoint} 有响应，但不像 Docker 或 Podman 引擎（GET /version 中没有 API 版本）。',
        fix: '请检查地址：它必须是你的引擎的 Docker API 套接字或端口。',
      },
      'http-error': {
        message: '引擎返回了错误（HTTP {status}）。',
        fix: ENGINE_LOGS,
      },
      'connection-failed': { message: '与 {endpoint} 通信失败（{errno}）。', fix: REPORT },
      'container-removal-failed': {
        message: '引擎无法删除容器 {subject}（HTTP {status}）。',
        fix: '请检查引擎是否正常，然后重试。',
      },
      'volume-removal-failed': {
        message: '引擎无法删除数据卷 {subject}（HTTP {status}）。',
        fix: '请检查引擎是否正常，然后重试。',
      },
      'network-removal-failed': {
        message: '引擎无法删除网络 {subject}（HTTP {status}）。',
        fix: '请检查引擎是否正常，然后重试。',
      },
    },
    INTERNAL: {
      default: {
        message: 'Reclaim 遇到意外问题，没有完成此操作。',
        fix: REPORT,
      },
      unexpected: {
        message: 'Reclaim 遇到意外问题，没有完成此操作。',
        fix: REPORT,
      },
      'browser-server-unreachable': {
        message: 'Reclaim 的浏览器模式服务器没有响应。',
        fix: '请检查 `npm run web` 是否仍在运行，然后用它打印出的网址重新加载此页面。',
      },
    },
  },
  hints: {
    'start-podman-machine': '启动 Podman 虚拟机：`podman machine start`。',
    'start-podman-service': '启动 Podman API 服务：`sudo systemctl start podman.socket`。',
    'start-podman-user-service':
      '为你的用户启动 Podman API 服务：`systemctl --user start podman.socket`。',
    'start-colima': '启动 Colima：`colima start`。',
    'start-orbstack': '启动 OrbStack。',
    'start-rancher-desktop': '启动 Rancher Desktop。',
    'start-docker-desktop': '启动 Docker Desktop。',
    'start-docker-service': '启动 Docker 服务：`sudo systemctl start docker`。',
    'start-default-socket-engine':
      '启动 Docker Desktop（或提供 /var/run/docker.sock 的其他引擎）。',
    'start-rootless-docker': '启动无根（rootless）Docker：`systemctl --user start docker`。',
    'start-engine-at-socket': '启动监听 {socketPath} 的引擎，或在设置中选择其他引擎。',
    'check-tcp-engine': '检查 {address} 上的引擎是否正在运行并监听，以及端口没有被防火墙拦截。',
    'check-ssh-engine': '检查 `{command}` 能否正常登录，以及那台机器上是否运行着 Docker。',
    'join-docker-users':
      '将你的帐户加入“docker-users”组（计算机管理 → 本地用户和组），然后注销并重新登录。',
    'load-ssh-key': '将此主机接受的密钥加载到 ssh agent 中（`ssh-add`），以便 Reclaim 登录。',
    'use-own-podman-socket':
      '使用你自己的 Podman 套接字（`systemctl --user start podman.socket`），或以该套接字的所有者身份运行。',
    'join-docker-group':
      '将自己加入 docker 组：`sudo usermod -aG docker $USER`，然后注销并重新登录（或使用无根 Docker）。注意，docker 组相当于 root 权限。',
    'own-socket': '确认 {socketPath} 属于你的用户（`ls -l {socketPath}`）；重启引擎通常可以恢复。',
  },
} satisfies ErrorSection;
