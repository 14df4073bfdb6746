//! `<dj-form>` shows the built-in form's title while the module loads, from a
//! table in `js/elements.js` (the module is not there yet to read the spec).
//! The table must say what the specs say.

use dangjian_core::Locale;

#[test]
fn the_placeholder_titles_are_the_specs_titles() {
    let js = include_str!("../js/elements.js");
    let start = js.find("// BUILTIN-TITLES-START").unwrap();
    let end = js.find("// BUILTIN-TITLES-END").unwrap();
    let table = &js[start..end];
    let mut seen = 0;
    for line in table.lines().map(str::trim).filter(|l| l.starts_with('"')) {
        // "id": ["中文", "English"],
        let (id, rest) = line.split_once(':').unwrap();
        let id = id.trim().trim_matches('"');
        let titles: Vec<String> = serde_json::from_str(rest.trim().trim_end_matches(',')).unwrap();
        // The catalogue's titles are read from the specs when the crate is built.
        let info = dangjian_standards::catalog::info(id)
            .unwrap_or_else(|| panic!("{id} is not a built-in form"));
        assert_eq!(titles[0], info.title(Locale::ZhCn), "{id}");
        assert_eq!(titles[1], info.title(Locale::En), "{id}");
        seen += 1;
    }
    assert!(seen >= 6, "{seen} titles read from the table");
    // Every built-in form has its title in the table.
    for info in dangjian_standards::catalog::catalogue() {
        assert!(
            table.contains(&format!("\"{}\"", info.id)),
            "{} has no placeholder title",
            info.id
        );
    }
}
