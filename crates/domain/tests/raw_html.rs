//! No code sets raw HTML. Every text from a survey or an answer reaches the
//! page as a text node or an attribute value (Leptos's views do that), never
//! as markup: the one way a hostile survey or answer could run a script.
//!
//! The test reads the widget's Rust (`src/`) and every JavaScript file the
//! pages load, and fails naming each place that uses an HTML sink (setting
//! `innerHTML` and its kin, `document.write`, `srcdoc`, a parsed fragment,
//! `eval` and its kin). Emptying an element with `set_inner_html("")` is
//! allowed: it takes no text from anywhere.

use std::fs;
use std::path::{Path, PathBuf};

/// Sinks in Rust (web-sys's and Leptos's names).
const RUST_SINKS: &[&str] = &[
    "set_inner_html(",
    "set_outer_html(",
    "insert_adjacent_html(",
    "inner_html=",
    "inner_html =",
    "set_srcdoc(",
    "create_contextual_fragment(",
    "parse_from_string(",
    "write_with_str(",
    "writeln_with_str(",
    "js_sys::eval(",
    "js_sys::Function::new",
];

/// Sinks in JavaScript.
const JS_SINKS: &[&str] = &[
    "innerHTML",
    "outerHTML",
    "insertAdjacentHTML",
    "document.write",
    "srcdoc",
    "createContextualFragment",
    "DOMParser",
    "eval(",
    "new Function",
    "setHTMLUnsafe",
    "parseHTMLUnsafe",
];

/// What may follow a sink: only emptying, with a literal empty string.
const ALLOWED: &[&str] = &["set_inner_html(\"\")"];

/// Every place in `code` that uses one of `sinks`, as `line: text`.
fn sinks_in(code: &str, sinks: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let text = line.trim();
        if text.starts_with("//") || text.starts_with("///") || text.starts_with("* ") {
            continue;
        }
        let mut rest = line.to_owned();
        for allowed in ALLOWED {
            rest = rest.replace(allowed, "");
        }
        if sinks.iter().any(|sink| rest.contains(sink)) {
            found.push(format!("{}: {}", n + 1, text));
        }
    }
    found
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_scanner_finds_each_sink_and_passes_emptying() {
    for sink in RUST_SINKS {
        let code = format!("let x = 1;\n    el.{sink}text);\n");
        assert_eq!(sinks_in(&code, RUST_SINKS).len(), 1, "{sink} not found");
    }
    for sink in JS_SINKS {
        let code = format!("const a = 1;\nel.{sink} = t;\n");
        assert_eq!(sinks_in(&code, JS_SINKS).len(), 1, "{sink} not found");
    }
    assert!(sinks_in("shadow.set_inner_html(\"\");", RUST_SINKS).is_empty());
    assert_eq!(
        sinks_in(
            "shadow.set_inner_html(\"\"); el.set_inner_html(&label);",
            RUST_SINKS
        )
        .len(),
        1,
        "an allowed emptying does not hide a real sink on its line"
    );
    assert!(sinks_in("// set_inner_html(x) is never used", RUST_SINKS).is_empty());
}

#[test]
fn no_code_sets_raw_html() {
    let root = root();
    let mut rust = Vec::new();
    files(&root.join("src"), "rs", &mut rust);
    let mut js = Vec::new();
    for dir in ["embed", "kiosk", "scripts"] {
        files(&root.join(dir), "js", &mut js);
    }
    files(&root.join("examples"), "js", &mut js);
    js.extend(["sw.js", "register-sw.js"].map(|f| root.join(f)));
    // The page loaders and embeds the build writes come from these.
    files(&root.join("scripts"), "mjs", &mut js);
    assert!(
        rust.len() > 20,
        "the widget's Rust was read ({} files)",
        rust.len()
    );
    assert!(
        js.len() > 5,
        "the pages' JavaScript was read ({} files)",
        js.len()
    );
    let mut found = Vec::new();
    for (paths, sinks) in [(&rust, RUST_SINKS), (&js, JS_SINKS)] {
        for path in paths {
            let code = fs::read_to_string(path).unwrap();
            let name = path
                .strip_prefix(&root)
                .unwrap_or(path)
                .display()
                .to_string();
            found.extend(
                sinks_in(&code, sinks)
                    .into_iter()
                    .map(|at| format!("{name}:{at}")),
            );
        }
    }
    assert!(
        found.is_empty(),
        "raw HTML is set here; put texts in as text nodes or attributes:\n{}",
        found.join("\n")
    );
}
