import type { OrganizationCategory } from '@peiyu/contracts';
import type { Random } from './random.js';

/**
 * The words generated data is made of: places, organizations, people and what they do, in Chinese
 * as the people who use Peiyu write them. Names are combined from these lists, so a city of 4,000
 * communities still reads as real.
 */

export const DISTRICT_NAMES = [
  '东湖区', '西城区', '南山区', '北塘区', '清河区', '滨江区', '临湖区', '新华区', '青山区', '锦江区',
  '金水区', '白云区', '天河区', '长安区', '碑林区', '武昌区', '江汉区', '鼓楼区', '玄武区', '秦淮区',
  '海曙区', '江北区', '城关区', '开福区', '雨花区', '岳麓区', '芙蓉区', '天心区', '市中区', '历下区',
] as const;

/** The first syllables of street and community names. */
const PLACE_WORDS = [
  '和平', '长乐', '幸福', '春晖', '安康', '朝阳', '建设', '解放', '人民', '光明', '文化', '胜利', '团结', '新民',
  '康宁', '永安', '兴隆', '富民', '振兴', '育才', '花园', '桃源', '翠竹', '梧桐', '银杏', '丹桂', '紫荆', '芳草',
  '清泉', '明珠', '锦绣', '金桥', '玉兰', '海棠', '松鹤', '祥和', '阳光', '星河', '滨湖', '望江', '东风', '向阳',
  '红旗', '前进', '先锋', '民主', '友谊', '青年', '双龙', '凤凰', '龙山', '白鹭', '月湖', '柳岸', '荷塘', '枫林',
  '杏林', '书香', '瑞丰', '嘉禾', '常青', '福寿', '宝塔', '石桥', '古井', '新村', '北苑', '南湖', '西溪', '东门',
] as const;

const STREET_SUFFIXES = ['街道'] as const;
const COMMUNITY_SUFFIXES = ['社区', '社区', '社区', '里社区', '苑社区', '新村社区', '家园社区', '花园社区'] as const;
const ROAD_SUFFIXES = ['路', '街', '大道', '巷'] as const;

const INSTITUTION_WORDS = [
  '同心', '启航', '众合', '益民', '乐仁', '明德', '善德', '守望', '同行', '携手', '恒爱', '仁和', '暖阳', '春雨',
  '心桥', '绿洲', '致远', '惠民', '博爱', '立德', '聚力', '和谐', '新起点', '正阳', '彩虹', '微光', '邻里', '社联',
] as const;
const INSTITUTION_SUFFIXES = ['社会工作服务中心', '社工服务社', '社会工作发展中心', '社会工作事务所'] as const;

/** What an organization of each category is called, after its community's name. */
export const ORGANIZATION_KINDS: Record<OrganizationCategory, readonly string[]> = {
  LIFE_SERVICE: ['长者助餐队', '邻里互助社', '便民维修队', '爱心理发队', '家政互助小组', '托幼互助会', '代购代办服务队', '睦邻食堂志愿队', '健康管理小组', '助浴服务队'],
  PUBLIC_WELFARE: ['志愿服务队', '环保志愿队', '爱心帮扶队', '平安巡逻队', '垃圾分类督导队', '助残服务队', '关爱儿童小组', '楼道美化队', '红色先锋队', '应急救援队'],
  CULTURE_SPORTS: ['广场舞队', '合唱团', '太极拳队', '书画社', '戏曲社', '摄影协会', '乒乓球俱乐部', '读书会', '健步走团', '民乐团', '腰鼓队', '棋艺社'],
  MEDIATION: ['邻里调解会', '和事佬工作室', '纠纷调解小组', '楼道议事会', '老娘舅调解室', '物业议事协商会', '家庭关系调解组', '法律明白人服务队'],
};

const ORGANIZATION_ADJECTIVES = ['', '', '', '银发', '阳光', '红色', '夕阳红', '青春', '快乐', '爱心', '金色', '温馨', '彩虹'] as const;

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
] as const;
const GIVEN_CHARACTERS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '英', '华', '玉', '兰', '建', '国', '文', '红', '梅', '丹', '萍', '云', '海', '峰', '志', '春', '燕', '凤',
  '淑', '珍', '德', '福', '荣', '德', '佳', '慧', '婷', '颖', '琳', '欣', '晨', '宇', '浩', '鹏', '辉', '斌', '鑫', '琴',
] as const;
const RESPONDENT_TITLES = ['阿姨', '叔叔', '大爷', '奶奶', '女士', '先生', '老师'] as const;

const INTEREST_TOPICS = ['书法交流', '太极拳晨练', '手工编织分享', '茶艺体验', '摄影外拍', '象棋友谊赛', '读书分享', '合唱排练', '广场舞教学', '剪纸体验', '园艺种植', '健康讲座'] as const;
const TRAINING_TOPICS = ['组织管理', '财务规范', '活动策划', '沟通技巧', '急救知识', '志愿服务规范', '会议议事规则', '章程制定', '调解技巧', '安全管理'] as const;
const SERVICE_TOPICS = ['为独居老人送餐', '社区环境清洁', '义诊咨询', '邻里纠纷调解', '困难家庭走访', '垃圾分类宣传', '防诈骗宣传', '便民维修', '儿童课后陪伴', '节日慰问'] as const;
const MEETING_TOPICS = ['月度工作例会', '骨干议事会', '季度总结会', '新年计划会', '成员大会'] as const;
const RECRUITMENT_TOPICS = ['新成员招募会', '志愿者招募宣传', '开放日招新', '楼栋走访招募'] as const;

export const ACKNOWLEDGEMENT_PLANS = [
  '补招成员，两周内完成', '增加骨干培训课时，本月内补齐', '督导每周跟进一次，月底前提交材料', '协调街道场地，下周恢复活动',
  '调整活动计划，每月至少两次', '与社区居委会协商，尽快完成章程', '安排社工驻点支持，两周后复查', '补交备案材料，十个工作日内完成',
] as const;
export const PAUSE_REASONS = ['骨干成员外出，活动暂停', '活动场地装修', '疫情防控要求暂停聚集', '社工岗位调整，暂停跟进', '春节假期'] as const;
export const TERMINATION_REASONS = ['成员流失，组织解散', '与其他组织合并', '居民需求变化，不再培育', '负责人长期无法履职', '社区撤并'] as const;
export const DEVIATION_NOTES = ['活动内容偏离组织宗旨', '经费使用不规范', '成员名册与实际不符', '活动记录缺失'] as const;
export const CORRECTION_PLANS = ['重新梳理活动计划，回归服务宗旨', '建立经费台账，由社工每月核对', '核实成员名册，补登缺失记录'] as const;

/** A person's name: a surname and one or two given characters. */
export function personName(random: Random): string {
  const given = random.chance(0.7) ? random.pick(GIVEN_CHARACTERS) + random.pick(GIVEN_CHARACTERS) : random.pick(GIVEN_CHARACTERS);
  return random.pick(SURNAMES) + given;
}

/** A mainland mobile number. */
export function phoneNumber(random: Random): string {
  return `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
}

/** How a resident is noted on a survey: building and how neighbours call them. */
export function respondentLabel(random: Random): string {
  return `${random.int(1, 40)}号楼 ${random.pick(SURNAMES)}${random.pick(RESPONDENT_TITLES)}`;
}

/** Names distinct within one parent: a street's communities, a district's streets, a community's organizations. */
export class NameBook {
  private readonly used = new Set<string>();

  /** Draws candidates until one is unused; after a few tries numbers the last one. */
  take(draw: () => string): string {
    let name = draw();
    for (let i = 0; i < 8 && this.used.has(name); i++) name = draw();
    if (this.used.has(name)) {
      const base = name;
      for (let n = 2; this.used.has(name); n++) name = `${base}（${n}）`;
    }
    this.used.add(name);
    return name;
  }
}

export const streetName = (random: Random) => random.pick(PLACE_WORDS) + random.pick(STREET_SUFFIXES);
export const communityName = (random: Random) => random.pick(PLACE_WORDS) + random.pick(COMMUNITY_SUFFIXES);
export const roadName = (random: Random) => random.pick(PLACE_WORDS) + random.pick(ROAD_SUFFIXES);

/** An institution name, led by its district's name so that names stay unique across districts. */
export function institutionName(random: Random, districtName: string): string {
  return districtName.replace(/区$/, '') + random.pick(INSTITUTION_WORDS) + random.pick(INSTITUTION_SUFFIXES);
}

/** An organization name: the community's short name, sometimes an adjective, and what it does. */
export function organizationName(random: Random, communityName: string, category: OrganizationCategory): string {
  const stem = communityName.replace(/(新村|家园|花园)?社区$/, '').replace(/[里苑]$/, '');
  return stem + random.pick(ORGANIZATION_ADJECTIVES) + random.pick(ORGANIZATION_KINDS[category]);
}

/** The title of an activity of a kind. */
export function activityTitle(random: Random, kind: 'INTEREST_ACTIVITY' | 'RECRUITMENT' | 'TRAINING' | 'MEETING' | 'SERVICE'): string {
  switch (kind) {
    case 'INTEREST_ACTIVITY':
      return random.pick(INTEREST_TOPICS);
    case 'RECRUITMENT':
      return random.pick(RECRUITMENT_TOPICS);
    case 'TRAINING':
      return `骨干培训：${random.pick(TRAINING_TOPICS)}`;
    case 'MEETING':
      return random.pick(MEETING_TOPICS);
    case 'SERVICE':
      return random.pick(SERVICE_TOPICS);
  }
}

/** A short charter text (章程) in the usual form. */
export function charterText(organizationName: string, communityName: string): string {
  return [
    `第一条 本组织名称为${organizationName}。`,
    `第二条 本组织是${communityName}居民自愿组成、实行自我管理的社区社会组织，接受社区党组织领导和街道办事处指导。`,
    '第三条 本组织的宗旨是服务居民、互助友爱、促进社区和谐。',
    '第四条 成员大会是本组织的最高议事机构，每年至少召开一次。',
    '第五条 本组织经费来源于政府购买服务、社会捐赠和成员自愿缴纳，专款专用，账目定期公开。',
  ].join('\n');
}
