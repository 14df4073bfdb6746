//! The review's one table of wording: the grades, and why a grade was capped.

use dangjian_core::messages::Messages;

/// `(key, zh-CN, en)` templates with `{param}` placeholders.
pub(super) const MESSAGES: &Messages = &[
    ("grade.good", "好", "Good"),
    ("grade.fairly_good", "较好", "Fairly good"),
    ("grade.average", "一般", "Average"),
    ("grade.poor", "差", "Poor"),
    (
        "cap.poor_votes",
        "“差”票 {poor} 张，达到全部测评票 {votes} 张的 {num}/{den}，评为“差”",
        "{poor} poor votes reach {num}/{den} of all {votes} votes: graded poor",
    ),
    (
        "cap.lower_votes",
        "“一般”“差”票合计 {lower} 张，达到全部测评票 {votes} 张的 {num}/{den}，最高为“一般”",
        "{lower} average and poor votes reach {num}/{den} of all {votes} votes: at most average",
    ),
    (
        "cap.satisfaction",
        "满意率 {percent}%，低于 {min}%，最高为“一般”",
        "A satisfaction rate of {percent}% is below {min}%: at most average",
    ),
];
