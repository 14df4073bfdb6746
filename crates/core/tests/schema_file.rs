//! `spec.schema.json` at the repository root is generated from the spec types
//! and must stay in step with them (`cargo run -p dangjian-cli -- schema > spec.schema.json`).
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

#[test]
fn committed_schema_matches_the_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../spec.schema.json");
    let committed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(
        committed == dangjian_core::spec_schema(),
        "spec.schema.json is stale: run `cargo run -p dangjian-cli -- schema > spec.schema.json`"
    );
}

#[test]
fn every_built_in_example_spec_passes_the_schema_shape() {
    let schema = dangjian_core::spec_schema();
    let props = schema["properties"].as_object().unwrap();
    for key in [
        "id", "version", "title", "sections", "settings", "rules", "scoring", "messages",
    ] {
        assert!(props.contains_key(key), "schema lacks {key}");
    }
    assert!(schema["$defs"]["Node"]["properties"]["type"].is_object());
}
