//! The verdict's outcome and its one-sentence summary, from its reasons.

use super::super::{messages, words};
use super::{Blocker, Verdict, VerdictStatus};
use dangjian_core::Locale;
use serde_json::json;

/// Sets the status, title and summary from the reasons.
pub(super) fn finish(mut v: Verdict, locale: Locale) -> Verdict {
    v.status = if !v.flags.is_empty() {
        VerdictStatus::NotNominated
    } else if !v.outstanding.is_empty() || !v.blocking.is_empty() {
        VerdictStatus::Pending
    } else {
        VerdictStatus::Pass
    };
    v.title = v.status.title(locale).to_owned();
    v.summary = summary(&v, locale);
    v
}

fn summary(v: &Verdict, locale: Locale) -> String {
    let dash = messages::word("summary.dash", locale);
    if v.status == VerdictStatus::Pass {
        return messages::text(
            "summary.pass",
            locale,
            &json!({"dash": dash, "n": v.cleared.len()}),
        );
    }
    let parts = match v.status {
        VerdictStatus::NotNominated => flags(v, locale),
        _ => pending(v, locale),
    };
    format!(
        "{}{dash}{}",
        v.status.title(locale),
        words::join_clauses(locale, &parts)
    )
}

/// Each department that flagged, with the items that count.
fn flags(v: &Verdict, locale: Locale) -> Vec<String> {
    v.flags
        .iter()
        .map(|f| {
            let items: Vec<String> = f.items.iter().map(|i| i.title.clone()).collect();
            let items = if items.is_empty() {
                messages::word("item.none", locale).to_owned()
            } else {
                words::join(locale, &items)
            };
            messages::text(
                "summary.department_items",
                locale,
                &json!({"department": f.department_title, "items": items}),
            )
        })
        .collect()
}

/// The departments still to answer, and the errors to correct.
fn pending(v: &Verdict, locale: Locale) -> Vec<String> {
    let mut parts = Vec::new();
    if !v.outstanding.is_empty() {
        let names: Vec<String> = v.outstanding.iter().map(|o| o.title.clone()).collect();
        let names = words::join(locale, &names);
        parts.push(messages::text(
            "summary.awaiting",
            locale,
            &json!({"names": names}),
        ));
    }
    let (own, reported): (Vec<&Blocker>, Vec<&Blocker>) =
        v.blocking.iter().partition(|b| !b.from_report);
    if !own.is_empty() {
        let msgs: Vec<String> = own
            .iter()
            .map(|b| b.message.trim_end_matches(['.', '。']).to_owned())
            .collect();
        parts.push(format!(
            "{}{}",
            messages::word("summary.own_errors", locale),
            words::join_clauses(locale, &msgs)
        ));
    }
    if !reported.is_empty() {
        let key = if own.is_empty() {
            "summary.reported_errors"
        } else {
            "summary.more_errors"
        };
        parts.push(messages::text(key, locale, &json!({"n": reported.len()})));
    }
    parts
}
