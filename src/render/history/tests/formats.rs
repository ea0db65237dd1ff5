//! Markdown, CSV and JSON.

use serde_json::{Value, json};

use super::{LONG_URL, drawn, sample, step, view};
use crate::diff::Event;
use crate::render::history::{write_csv, write_json, write_markdown};

#[test]
fn csv_has_a_row_per_field_change_quoted_as_rfc_4180_says() {
    let mut histories = sample();
    histories.entries[2].name = "B300 \"Ultra\", rev 2".into();
    let out = drawn(|out| write_csv(out, &view(&histories)));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "key,name,version,ref,taken,event,path,from,to,shift,days,sources_added"
    );
    let days = super::moved("available", "2027", "2027H2")
        .shift
        .unwrap()
        .days;
    assert_eq!(
        lines[1],
        format!(
            "nvidia/rubin-ultra,Rubin Ultra,1,2025-03-18-gtc,2025-03-18,changed,available,2027,2027H2,refined,{days},{LONG_URL}"
        )
    );
    assert_eq!(
        lines[2],
        format!(
            "nvidia/rubin-ultra,Rubin Ultra,1,2025-03-18-gtc,2025-03-18,changed,memory.capacity_gb,1024,576,,,{LONG_URL}"
        )
    );
    // A list reads as it does in the files; a name with a quote and a comma is quoted.
    assert_eq!(
        lines[3],
        format!(
            "nvidia/rubin-ultra,Rubin Ultra,1,2025-03-18-gtc,2025-03-18,changed,sources,,[{LONG_URL}],,,{LONG_URL}"
        )
    );
    assert!(
        out.contains(
            "nvidia/b300,\"B300 \"\"Ultra\"\", rev 2\",1,2025-03-18-gtc,2025-03-18,changed,id,b300-ultra,b300,,,\n"
        ),
        "{out}"
    );
    // A drop has no field: one row, its path empty; the working version has no day.
    assert!(
        out.contains("amd/mi500,MI500,2,2026-03-16-gtc,2026-03-16,dropped,,,,,,\n"),
        "{out}"
    );
    assert!(
        out.contains("amd/mi500,MI500,3,working,,back,status,announced,sampling,,,\n"),
        "{out}"
    );
    // Entries that never changed have no rows.
    assert!(!out.contains("nvidia/rubin,"), "{out}");
}

#[test]
fn json_has_the_documented_shape_field_by_field() {
    let mut histories = sample();
    // Rubin is dropped in the last version, and stays so.
    let rubin = &mut histories.entries[1];
    let before = rubin.first_position();
    rubin
        .steps
        .push(step(3, Event::Dropped, Vec::new(), before));
    rubin.last_version = 2;
    let out = drawn(|out| write_json(out, &view(&histories)));
    let value: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        value["versions"],
        json!([
            {"ref": "2024-06-02-computex", "taken": "2024-06-02"},
            {"ref": "2025-03-18-gtc", "taken": "2025-03-18", "subject": "GTC 2025 keynote"},
            {"ref": "2026-03-16-gtc", "taken": "2026-03-16"},
            {"ref": "working", "taken": null},
        ])
    );
    let entries = value["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 6);
    let days = |old, new| super::moved("available", old, new).shift.unwrap().days;
    assert_eq!(
        entries[0],
        json!({
            "key": "nvidia/rubin-ultra", "name": "Rubin Ultra", "former_keys": [],
            "first_version": 0,
            "changes": [
                {"version": 1, "fields": [
                    {"path": "available", "from": "2027", "to": "2027H2", "shift": "refined",
                     "days": days("2027", "2027H2")},
                    {"path": "memory.capacity_gb", "from": 1024, "to": 576},
                    {"path": "sources", "from": null, "to": [LONG_URL]},
                 ], "sources_added": [LONG_URL]},
                {"version": 2, "fields": [
                    {"path": "available", "from": "2027H2", "to": "2027", "shift": "widened",
                     "days": days("2027H2", "2027")},
                 ], "sources_added": []},
            ]
        })
    );
    assert_eq!(
        entries[1],
        json!({
            "key": "nvidia/rubin", "name": "Rubin", "former_keys": [], "first_version": 0,
            "changes": [{"version": 3, "event": "dropped", "fields": [], "sources_added": []}],
            "dropped": 3
        })
    );
    assert_eq!(entries[2]["former_keys"], json!(["nvidia/b300-ultra"]));
    assert_eq!(
        entries[2]["changes"][0]["fields"],
        json!([{"path": "id", "from": "b300-ultra", "to": "b300"}])
    );
    let mi500 = &entries[3]["changes"];
    assert_eq!(mi500[1]["event"], "dropped");
    assert_eq!(mi500[2]["event"], "back");
    assert!(mi500[0].get("event").is_none(), "{mi500}");
    // Back by the end: not dropped.
    assert!(entries[3].get("dropped").is_none());
    assert_eq!(entries[4]["first_version"], 2);
    assert!(out.ends_with("}\n"), "one JSON value and a newline");
}

#[test]
fn markdown_escapes_the_data_and_tells_both_forms() {
    let mut histories = sample();
    histories.entries[0].name = "Rubin *Ultra* | 2".into();
    let compact = drawn(|out| write_markdown(out, &view(&histories), false));
    assert!(
        compact.starts_with(
            "## Roadmap history: 4 versions: 2024-06-02-computex (2024-06-02) to working\n\n### NVIDIA\n\n"
        ),
        "{compact}"
    );
    assert!(
        compact.contains(
            "- **Rubin \\*Ultra\\* \\| 2** (`nvidia/rubin-ultra`)\n  - `available`: 2027 · 2027H2 (2025-03-18, refined) · 2027 (2026-03-16, widened)\n  - `memory.capacity_gb`: 1024 · 576 (2025-03-18)\n"
        ),
        "{compact}"
    );
    assert!(
        compact
            .contains("- **B300** (`nvidia/b300`): renamed from nvidia/b300-ultra (2025-03-18)\n"),
        "{compact}"
    );
    assert!(
        compact
            .contains("- 1 more entry did not move (1 changed only sources, aliases or notes)\n"),
        "{compact}"
    );
    let full = drawn(|out| write_markdown(out, &view(&histories), true));
    for expected in [
        "### Rubin \\*Ultra\\* \\| 2 (`nvidia/rubin-ultra`)\n\nFirst in 2024-06-02-computex (2024-06-02): announced, available 2027.\n\n",
        "- **2025-03-18-gtc (2025-03-18)**: GTC 2025 keynote\n  - `available`: refined: 2027 → 2027H2\n  - `memory.capacity_gb`: 1024 → 576\n",
        &format!("  - source added: {LONG_URL}\n"),
        "### B300 (`nvidia/b300`, formerly `nvidia/b300-ultra`)\n",
        "- **2026-03-16-gtc (2026-03-16)**\n  - dropped\n- **working**\n  - back\n  - `status`: announced → sampling\n",
        "  - `notes`: Eight stacks of ~~HBM3~~ **HBM3E** on one package,",
    ] {
        assert!(full.contains(expected), "{expected:?} in\n{full}");
    }
}
