//! Wording of the slate issues, by code, and of the committees, posts, relations
//! and measures they name, in both languages: the slate checks' one table.

use dangjian_core::messages::Messages;
use dangjian_core::Locale;

/// `(key, zh-CN, en)` templates with `{param}` placeholders: issue codes, then
/// `slate.label.<id>` names.
pub(super) const MESSAGES: &Messages = &[
    ("slate.empty", "没有可组成班子的候选人", "There are no candidates to form the committees."),
    ("slate.candidate_type", "第{number}名候选人的记录不是对象", "Candidate {number} is not a record (object)."),
    ("slate.identity_unknown", "无法从身份证号码或申报信息得知{name}的年龄或性别", "{name}'s age or gender cannot be told from the citizen ID number or the declared details."),
    ("slate.duplicate_candidate", "{name}与第{other}名候选人的身份证号码相同", "{name} has the same citizen ID number as candidate {other}."),
    ("slate.not_nominated", "{name}资格联审结论为“建议不予提名”，未计入班子结构", "{name} is not recommended for nomination and is left out of the composition."),
    ("slate.pending", "{name}资格联审尚为“待审”", "{name}'s joint review is still pending."),
    ("slate.committee_size", "{committee}拟任人数为{count}人，应为{min}至{max}人", "The {committee} would have {count} members; it needs {min} to {max}."),
    ("slate.no_woman", "村民委员会拟任成员中女性{count}人，至少应有{min}人", "The villagers' committee would have {count} women; it needs at least {min}."),
    ("slate.close_relatives", "{name}与其{relation}{relative}同为{committee}拟任成员", "{name} and their {relation} {relative} would both sit on the {committee}."),
    ("slate.post_missing", "没有拟任{post}的人选", "Nobody stands for {post}."),
    ("slate.duplicate_post", "{count}人拟任{post}，只能有1人", "{count} candidates stand for {post}; there is only one."),
    ("slate.no_young_member", "“两委”拟任成员中{max_age}岁及以下的{count}人，至少应有{min}人", "The committees would have {count} members aged {max_age} or under; at least {min} are expected."),
    ("slate.senior_high_share", "高中及以上学历占比{percent}%，低于{min}%", "{percent}% have senior-high education or more, below {min}%."),
    ("slate.no_college", "大专及以上学历{count}人，至少应有{min}人", "{count} members have a college diploma or more; at least {min} are expected."),
    ("slate.average_age", "平均年龄{average}岁，高于{max}岁", "The average age is {average}, above {max}."),
    ("slate.secretary_age", "拟任村党组织书记{name}在换届选举日{age}岁，超过{max}岁", "The candidate secretary {name} is {age} on election day, above {max}."),
    ("slate.one_shoulder", "拟任村党组织书记{name}未同时拟任村民委员会主任（“一肩挑”）", "The candidate secretary {name} does not also stand for director of the villagers' committee (“一肩挑”)."),
    ("slate.cross_appointment", "“两委”交叉任职比例{percent}%，低于{min}%", "{percent}% of members sit on both committees, below {min}%."),
    ("slate.age_not_down", "平均年龄{average}岁，未低于上届的{previous}岁（“一降”）", "The average age {average} is not below the previous term's {previous} (“age down”)."),
    ("slate.education_not_up", "{measure}{percent}%，未高于上届的{previous}%（“一升”）", "{measure} is {percent}%, not above the previous term's {previous}% (“education up”)."),
    ("slate.label.village", "村民委员会", "villagers' committee"),
    ("slate.label.branch", "村党组织委员会", "village party committee"),
    ("slate.label.branch_secretary", "村党组织书记", "secretary of the village party organisation"),
    ("slate.label.branch_deputy_secretary", "村党组织副书记", "deputy secretary of the village party organisation"),
    ("slate.label.committee_director", "村民委员会主任", "director of the villagers' committee"),
    ("slate.label.committee_deputy_director", "村民委员会副主任", "deputy director of the villagers' committee"),
    ("slate.label.spouse", "配偶", "spouse"),
    ("slate.label.parent", "父母", "parent"),
    ("slate.label.child", "子女", "child"),
    ("slate.label.sibling", "兄弟姐妹", "sibling"),
    ("slate.label.senior_high", "高中及以上学历占比", "The senior-high share"),
    ("slate.label.college", "大专及以上学历占比", "The college share"),
];

/// The name of a committee, post, relation or measure (its id when unknown).
pub(super) fn label(locale: Locale, id: &str) -> String {
    let key = format!("slate.label.{id}");
    match dangjian_core::messages::lookup(MESSAGES, &key) {
        Some((zh, en)) => crate::wording::pick(locale, zh, en).to_owned(),
        None => id.to_owned(),
    }
}
