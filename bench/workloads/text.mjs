// Realistic text fragments for generated records (Chinese, Basic Multilingual
// Plane only, so JavaScript string lengths equal character counts).

export const SECTIONS = [
  { id: 'organization', zh: '基本组织', en: 'Organisation' },
  { id: 'team', zh: '基本队伍', en: 'People' },
  { id: 'activities', zh: '基本活动', en: 'Activities' },
  { id: 'systems', zh: '基本制度', en: 'Systems' },
  { id: 'support', zh: '基本保障', en: 'Support' },
];

export const ITEM_TOPICS = {
  organization: [
    ['按党员人数设置支部委员会', 'Committee set up according to size'],
    ['书记、副书记、委员配备齐全', 'Secretary, deputy and members in place'],
    ['按期换届', 'Re-election on time'],
    ['党小组划分合理', 'Party groups divided sensibly'],
    ['组织关系转接及时', 'Membership transfers handled on time'],
  ],
  team: [
    ['书记政治素质和履职能力', "Secretary's political quality and capability"],
    ['发展党员和后备干部培养', 'Member development and reserve cadres'],
    ['党员教育培训学时达标', 'Training hours met'],
    ['党员分类管理', 'Member classification and management'],
    ['流动党员联系服务', 'Contact with migrant members'],
  ],
  activities: [
    ['三会一课按时召开、记录完整', 'Meetings held on time with full records'],
    ['主题党日每月固定日期开展', 'Theme party day monthly on a fixed day'],
    ['组织生活会会前会中会后记录齐全', 'Organisational life meeting with all three stages'],
    ['民主评议党员步骤完整', 'Democratic evaluation with full step records'],
    ['谈心谈话覆盖各类对象', 'Heart-to-heart talks cover all pair types'],
    ['志愿服务活动不少于4次', 'At least 4 volunteer activities'],
  ],
  systems: [
    ['年度计划、年中检查、年终总结', 'Annual plan, mid-year review, year-end summary'],
    ['三会一课等制度健全', 'Rules and systems in place'],
    ['台账资料完整规范', 'Records and ledgers complete'],
    ['四议两公开程序规范', 'Four deliberations and two publications followed'],
    ['党费收缴使用管理规范', 'Party dues collected and used properly'],
  ],
  support: [
    ['党群服务中心标识、设施齐全', 'Activity venue with sign and equipment'],
    ['党旗、入党誓词上墙', 'Party flag and oath displayed'],
    ['服务群众专项经费使用公开', 'Service-fund use published'],
    ['党务公开栏定期更新', 'Notice board kept up to date'],
  ],
};

export const VETO_ITEMS = [
  { section: 'organization', zh: '支部班子成员无严重违纪违法问题', en: 'No serious violation by the committee' },
  { section: 'support', zh: '无安全责任事故和群体性事件', en: 'No safety accident or mass incident' },
];

const EVIDENCE = [
  '见{y}年{m}月支委会会议记录第{p}页',
  '主题党日签到表及照片{p}张',
  '{y}年度工作计划和总结已归档',
  '党员教育培训台账，人均{p}学时',
  '组织生活会会议记录、整改清单',
  '党群服务中心现场照片{p}张',
  '民主评议测评表{p}份',
  '谈心谈话记录本第{p}至{q}页',
  '四议两公开会议纪要及公示照片',
  '党费收缴明细表（{y}年{m}月）',
];

const REMARKS = [
  '下一步继续完善台账资料。',
  '部分记录为手写，已拍照上传。',
  '因疫情调整过一次活动时间，已报镇党委备案。',
  '整改措施已明确责任人和完成时限，计划于下季度前完成销号。',
  '已与联系点村支部共同开展，形成联合记录。',
];

/** Evidence text of 8–40 characters. */
export function evidence(r) {
  return r
    .pick(EVIDENCE)
    .replace('{y}', String(r.int(2024, 2026)))
    .replace('{m}', String(r.int(1, 12)))
    .replace('{p}', String(r.int(1, 60)))
    .replace('{q}', String(r.int(61, 90)));
}

/** A remark of 1–300 characters. */
export function remark(r) {
  let s = r.pick(REMARKS);
  const extra = r.int(0, 4);
  for (let i = 0; i < extra; i++) s += r.pick(REMARKS);
  return s;
}

/** A text of exactly `n` characters (for over-long remarks). */
export function longText(r, n) {
  let s = '';
  while (s.length < n) s += r.pick(REMARKS);
  return s.slice(0, n);
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文辉海燕玲丹萍鹏斌宇浩凯';

/** A Chinese personal name of 2–3 characters. */
export function personName(r) {
  let s = SURNAMES[r.int(0, SURNAMES.length - 1)] + GIVEN[r.int(0, GIVEN.length - 1)];
  if (r.chance(0.7)) s += GIVEN[r.int(0, GIVEN.length - 1)];
  return s;
}

export const AGENDA = [
  '第一议题：学习习近平总书记重要讲话精神',
  '传达学习上级会议精神',
  '研究发展党员工作',
  '讨论村集体经济项目',
  '部署基层治理重点工作',
  '党员积分评定',
  '通报问题清单整改进展',
];
