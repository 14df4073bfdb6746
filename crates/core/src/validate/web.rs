//! E-mail addresses and web addresses, checked by their shape only (no lookup).
//!
//! Small on purpose: the `validator` crate's checks pull in the `url` and
//! `idna` crates with Unicode normalisation tables (~150 KB of the browser
//! module) to decide the same questions for the values clerks type.
//!
//! - **E-mail** — the HTML standard's "valid e-mail address"
//!   (`<input type=email>`): a local part of ASCII letters, digits and
//!   ``.!#$%&'*+/=?^_`{|}~-``, an `@`, and a domain of dot-separated labels of
//!   1–63 characters that start and end with a letter or digit and may hold `-`
//!   in between. A non-ASCII character counts as a letter, so an
//!   internationalised domain is accepted as typed (`党支部@例子.中国`'s domain;
//!   its local part must still be ASCII).
//! - **URL** — an absolute URL: a scheme (a letter, then letters, digits, `+`,
//!   `-`, `.`), a `:`, then no spaces or control characters; for `http`,
//!   `https`, `ftp`, `ws` and `wss` the scheme is followed by `//` and a host
//!   (optionally `user@` before it and `:port` after it).

/// True for the HTML standard's valid e-mail address, non-ASCII domains allowed.
pub(crate) fn valid_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~.-".contains(&b))
        && valid_domain(domain)
}

/// Dot-separated labels of 1–63 characters, letter or digit at both ends, `-` inside.
fn valid_domain(domain: &str) -> bool {
    let letter = |c: char| c.is_ascii_alphanumeric() || !c.is_ascii();
    !domain.is_empty()
        && domain.split('.').all(|label| {
            let count = label.chars().count();
            (1..=63).contains(&count)
                && label.chars().all(|c| letter(c) || c == '-')
                && label.chars().next().is_some_and(letter)
                && label.chars().next_back().is_some_and(letter)
        })
}

/// Schemes whose URLs name a host after `//`.
const HOST_SCHEMES: [&str; 5] = ["http", "https", "ftp", "ws", "wss"];

/// True for an absolute URL with a scheme (see the module documentation).
pub(crate) fn valid_url(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let scheme_ok = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !scheme_ok || rest.is_empty() || rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    if !HOST_SCHEMES.iter().any(|h| scheme.eq_ignore_ascii_case(h)) {
        return true;
    }
    let Some(after) = rest.strip_prefix("//") else {
        return false;
    };
    let authority = after.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = match host_port.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || h.starts_with('[') => (h, Some(p)),
        _ => (host_port, None),
    };
    let port_ok = port.is_none_or(|p| p.chars().all(|c| c.is_ascii_digit()) && p.len() <= 5);
    let host_ok = if let Some(ip6) = host.strip_prefix('[') {
        ip6.strip_suffix(']').is_some_and(|a| {
            !a.is_empty()
                && a.chars()
                    .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        })
    } else {
        !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | '~' | '%'))
    };
    port_ok && host_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_follow_the_html_standard() {
        for good in [
            "zhang.san@example.com",
            "a@b",
            "first+tag@mail.gov.cn",
            "x_y-z@sub-domain.example.org",
            "dangwei@例子.中国",
            "o'brien@example.ie",
        ] {
            assert!(valid_email(good), "{good}");
        }
        for bad in [
            "",
            "plain",
            "@example.com",
            "a@",
            "a@@b.com",
            "a b@example.com",
            "张三@example.com",
            "a@-example.com",
            "a@example-.com",
            "a@example..com",
            "a@.example.com",
            "a@example.com.",
            "a@exa mple.com",
            &format!("a@{}.com", "x".repeat(64)),
        ] {
            assert!(!valid_email(bad), "{bad}");
        }
        assert!(valid_email(&format!("a@{}.com", "x".repeat(63))));
    }

    #[test]
    fn urls_are_absolute_with_a_scheme() {
        for good in [
            "https://www.12371.cn/",
            "http://example.com:8080/a/b?c=d#e",
            "https://例子.中国/路径",
            "http://user@host.example",
            "http://[::1]:3000/",
            "http://192.168.1.1",
            "ftp://files.example.org/x.zip",
            "mailto:someone@example.com",
            "urn:isbn:9787010000000",
        ] {
            assert!(valid_url(good), "{good}");
        }
        for bad in [
            "",
            "www.example.com",
            "example.com/path",
            "http:",
            "http://",
            "http:example.com",
            "http://exa mple.com",
            "http://example.com/a b",
            "http://example.com:80a/",
            "1http://example.com",
            "ht tp://example.com",
            "http://[::1/",
        ] {
            assert!(!valid_url(bad), "{bad}");
        }
    }
}
