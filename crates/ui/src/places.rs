//! Where a JSON Pointer is, in the words of the form: the section it belongs
//! to and the way down to it (“出席情况 › 请假、缺席人员 第 3 行 › 原因”). The
//! error list, the panels and the undo bar name places this way; issues with
//! the same message in one section are merged, their places listed.

use crate::data;
use crate::i18n::tr;
use crate::tree::UiNode;
use dangjian_core::{Issue, Locale};
use std::rc::Rc;

/// A place in the record, named for people.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// JSON Pointer of the place.
    pub path: String,
    /// Index of its section among the spec's sections (`None`: the whole form
    /// or a section the form does not have).
    pub section: Option<usize>,
    /// The section's title.
    pub section_title: String,
    /// The way from the section down to the place, `›` between steps (empty
    /// for the section itself).
    pub trail: String,
}

impl Place {
    /// The whole name: section, then the way down.
    pub fn full(&self) -> String {
        match (self.section_title.is_empty(), self.trail.is_empty()) {
            (true, _) => self.trail.clone(),
            (false, true) => self.section_title.clone(),
            (false, false) => format!("{} › {}", self.section_title, self.trail),
        }
    }

    /// The way down, or the section's title for the section itself.
    pub fn short(&self) -> String {
        if self.trail.is_empty() {
            self.section_title.clone()
        } else {
            self.trail.clone()
        }
    }
}

/// The title of a node (its id when it has none).
fn title(n: &UiNode, l: Locale) -> String {
    let t = n.node.title.get(l);
    if t.is_empty() {
        n.node.id.clone()
    } else {
        t.to_owned()
    }
}

/// “第 3 行” / “row 3”.
pub fn row_label(l: Locale, index: usize) -> String {
    match l {
        Locale::ZhCn => format!("第 {} 行", index + 1),
        Locale::En => format!("row {}", index + 1),
    }
}

/// The name of a part of a composite value: of a checklist line (`status`,
/// `evidence`, `remark`, a deduction), a signature, a file, or a list's value.
fn line_part(n: &UiNode, key: &str, l: Locale) -> String {
    match key {
        "status" => tr(l, "评估结果", "Result").to_owned(),
        "evidence" => tr(l, "佐证材料", "Evidence").to_owned(),
        "remark" => tr(l, "备注", "Remark").to_owned(),
        "deductions" => tr(l, "扣分", "Deductions").to_owned(),
        "name" => tr(l, "签名", "Name").to_owned(),
        "date" => tr(l, "日期", "Date").to_owned(),
        "sha256" | "size" => tr(l, "文件", "File").to_owned(),
        // A value of a list of plain values: “第 2 项”.
        index if n.node.kind.applies(dangjian_core::Property::ListItems) => {
            index.parse::<usize>().map_or_else(
                |_| format!("“{index}”"),
                |i| match l {
                    Locale::ZhCn => format!("第 {} 项", i + 1),
                    Locale::En => format!("value {}", i + 1),
                },
            )
        }
        other => n
            .node
            .score
            .as_ref()
            .and_then(|s| s.deductions.iter().find(|d| d.code == other))
            .map(|d| d.title.get(l).to_owned())
            .unwrap_or_else(|| format!("“{other}”")),
    }
}

/// Names `path` in the form of `sections`.
pub fn place(sections: &[Rc<UiNode>], path: &str, l: Locale) -> Place {
    let segs = data::segments(path);
    let mut out = Place {
        path: path.to_owned(),
        section: None,
        section_title: String::new(),
        trail: String::new(),
    };
    let Some((first, rest)) = segs.split_first() else {
        out.section_title = tr(l, "整张表", "The whole form").to_owned();
        return out;
    };
    let Some((i, section)) = sections
        .iter()
        .enumerate()
        .find(|(_, s)| &s.node.id == first)
    else {
        out.trail = format!("“{first}”");
        for seg in rest {
            out.trail.push_str(&format!(" › “{seg}”"));
        }
        return out;
    };
    out.section = Some(i);
    out.section_title = title(section, l);
    let mut steps: Vec<String> = Vec::new();
    let mut here: Option<&Rc<UiNode>> = Some(section);
    let mut in_list = false;
    for seg in rest {
        match here {
            Some(n) if in_list => {
                // A row of the list just named: “请假、缺席人员 第 3 行”.
                let row = seg
                    .parse::<usize>()
                    .map_or_else(|_| format!("“{seg}”"), |i| row_label(l, i));
                match steps.last_mut() {
                    Some(last) => {
                        last.push(' ');
                        last.push_str(&row);
                    }
                    None => steps.push(row),
                }
                in_list = false;
                here = Some(n);
            }
            Some(n) => match n.children.iter().find(|c| &c.node.id == seg) {
                Some(c) => {
                    steps.push(title(c, l));
                    in_list = c.is_list();
                    here = Some(c);
                }
                None if n.node.kind == dangjian_core::FieldType::ChecklistItem || !n.is_group() => {
                    if seg != "status" {
                        // (The result of a line is the line itself.)
                        steps.push(line_part(n, seg, l));
                    }
                    // A line's deductions are named by the line's spec: stay on it.
                    if seg != "deductions" {
                        here = None;
                    }
                }
                None => {
                    steps.push(format!("“{seg}”"));
                    here = None;
                }
            },
            None => steps.push(format!("“{seg}”")),
        }
    }
    out.trail = steps.join(" › ");
    out
}

/// A message and the places it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The message, as the report words it.
    pub message: String,
    /// Where; one place, or several that share the message.
    pub places: Vec<Place>,
    /// The issue code.
    pub code: String,
}

/// A section's share of a list of issues.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The section's title (the whole form's for issues with no section).
    pub title: String,
    /// Issues in the section.
    pub count: usize,
    /// Its entries, identical messages merged.
    pub entries: Vec<Entry>,
}

/// `issues` as entries, identical messages merged (their places in report order).
pub fn merge(sections: &[Rc<UiNode>], issues: &[&Issue], l: Locale) -> Vec<Entry> {
    merge_messages(
        sections,
        issues
            .iter()
            .map(|i| (i.path.as_str(), i.message.as_str(), i.code.as_str())),
        l,
    )
}

/// `(path, message, code)` triples as entries, identical messages merged.
pub fn merge_messages<'a>(
    sections: &[Rc<UiNode>],
    items: impl Iterator<Item = (&'a str, &'a str, &'a str)>,
    l: Locale,
) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for (path, message, code) in items {
        add(&mut entries, message, code, place(sections, path, l));
    }
    entries
}

fn add(entries: &mut Vec<Entry>, message: &str, code: &str, p: Place) {
    match entries
        .iter_mut()
        .find(|e| e.message == message && e.code == code)
    {
        Some(e) => e.places.push(p),
        None => entries.push(Entry {
            message: message.to_owned(),
            places: vec![p],
            code: code.to_owned(),
        }),
    }
}

/// `issues` grouped by section in the form's order (issues of the whole form
/// first), each group's identical messages merged into one entry listing their
/// places in report order.
pub fn group(sections: &[Rc<UiNode>], issues: &[&Issue], l: Locale) -> Vec<Group> {
    // (section order key, group) — the whole form sorts first.
    let mut groups: Vec<(usize, Group)> = Vec::new();
    for issue in issues {
        let p = place(sections, &issue.path, l);
        let key = p.section.map_or(0, |i| i + 1);
        let at = match groups
            .iter()
            .position(|(k, g)| *k == key && g.title == p.section_title)
        {
            Some(at) => at,
            None => {
                groups.push((
                    key,
                    Group {
                        title: p.section_title.clone(),
                        count: 0,
                        entries: Vec::new(),
                    },
                ));
                groups.len() - 1
            }
        };
        let Some((_, g)) = groups.get_mut(at) else {
            continue;
        };
        g.count += 1;
        add(&mut g.entries, &issue.message, &issue.code, p);
    }
    dangjian_core::order::sort_by_key(&mut groups, |(k, _)| *k);
    groups.into_iter().map(|(_, g)| g).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::sections;
    use serde_json::json;

    fn form() -> Vec<Rc<UiNode>> {
        let spec: dangjian_core::Spec = serde_json::from_value(json!({
            "id": "f", "version": "1", "title": "t", "sections": [
                {"id": "meeting", "title": {"zh-CN": "会议基本情况", "en": "Meeting"}, "items": [
                    {"id": "topic", "type": "text", "title": {"zh-CN": "会议主题", "en": "Subject"}}
                ]},
                {"id": "attendance", "title": {"zh-CN": "出席情况", "en": "Attendance"}, "items": [
                    {"id": "absentees", "title": {"zh-CN": "缺席人员", "en": "Absentees"}, "repeat": {}, "items": [
                        {"id": "reason", "type": "text", "title": {"zh-CN": "原因", "en": "Reason"}}
                    ]}
                ]},
                {"id": "names", "type": "list", "title": {"zh-CN": "到会人员", "en": "Attendees"}},
                {"id": "org", "title": "基本组织", "items": [
                    {"id": "term", "type": "checklist_item", "title": "按期换届", "score": {"points": 2,
                        "deductions": [{"code": "late", "title": "逾期", "points": 1}]}}
                ]}
            ]
        }))
        .unwrap();
        sections(&spec)
    }

    #[test]
    fn places_name_the_section_the_row_and_the_field() {
        let s = form();
        let p = place(&s, "/attendance/absentees/2/reason", Locale::ZhCn);
        assert_eq!(p.section, Some(1));
        assert_eq!(p.full(), "出席情况 › 缺席人员 第 3 行 › 原因");
        assert_eq!(
            place(&s, "/attendance/absentees/0/reason", Locale::En).full(),
            "Attendance › Absentees row 1 › Reason"
        );
        assert_eq!(
            place(&s, "/meeting/topic", Locale::ZhCn).short(),
            "会议主题"
        );
        assert_eq!(place(&s, "/meeting", Locale::ZhCn).short(), "会议基本情况");
        assert_eq!(place(&s, "", Locale::ZhCn).full(), "整张表");
    }

    #[test]
    fn a_value_of_a_top_level_list_is_named_by_its_position() {
        let s = form();
        assert_eq!(
            place(&s, "/names/1", Locale::ZhCn).full(),
            "到会人员 › 第 2 项"
        );
        assert_eq!(
            place(&s, "/names/0", Locale::En).full(),
            "Attendees › value 1"
        );
    }

    #[test]
    fn parts_of_a_checklist_line_and_unknown_keys() {
        let s = form();
        assert_eq!(
            place(&s, "/org/term/evidence", Locale::ZhCn).full(),
            "基本组织 › 按期换届 › 佐证材料"
        );
        assert_eq!(
            place(&s, "/org/term/status", Locale::ZhCn).full(),
            "基本组织 › 按期换届"
        );
        assert_eq!(
            place(&s, "/org/term/deductions/late", Locale::ZhCn).full(),
            "基本组织 › 按期换届 › 扣分 › 逾期"
        );
        assert_eq!(
            place(&s, "/meeting/old_field", Locale::ZhCn).full(),
            "会议基本情况 › “old_field”"
        );
        let gone = place(&s, "/removed/x", Locale::ZhCn);
        assert_eq!(gone.section, None);
        assert_eq!(gone.full(), "“removed” › “x”");
    }

    #[test]
    fn issues_group_by_section_and_identical_messages_merge() {
        let s = form();
        let issue = |path: &str, message: &str| Issue {
            path: path.to_owned(),
            code: "required".to_owned(),
            severity: dangjian_core::Severity::Error,
            message: message.to_owned(),
            params: Default::default(),
        };
        let issues = [
            issue("/attendance/absentees/0/reason", "此项为必填项"),
            issue("/meeting/topic", "此项为必填项"),
            issue("/attendance/absentees/1/reason", "此项为必填项"),
            issue("", "整表规则"),
        ];
        let refs: Vec<&Issue> = issues.iter().collect();
        let g = group(&s, &refs, Locale::ZhCn);
        let titles: Vec<(&str, usize)> = g.iter().map(|g| (g.title.as_str(), g.count)).collect();
        assert_eq!(
            titles,
            vec![("整张表", 1), ("会议基本情况", 1), ("出席情况", 2)]
        );
        let attendance = &g[2];
        assert_eq!(attendance.entries.len(), 1);
        let names: Vec<String> = attendance.entries[0]
            .places
            .iter()
            .map(Place::short)
            .collect();
        assert_eq!(
            names,
            vec!["缺席人员 第 1 行 › 原因", "缺席人员 第 2 行 › 原因"]
        );
        // Merged across sections too, for the panels.
        let all = merge(&s, &refs, Locale::ZhCn);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].places.len(), 3);
    }
}
