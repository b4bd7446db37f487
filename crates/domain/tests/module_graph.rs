//! The crate's modules form no cycle: no module uses one that uses it back,
//! directly or through others. The crate reads from its leaves (text, the
//! expression language's syntax) up to the survey, answers and export, so
//! each layer can be read, tested and changed knowing only those below it.
//!
//! The test reads `src/` as text. A module's dependencies are the crate
//! modules its code names: `crate::x`, the groups of `use crate::{x, y}`,
//! `super::x` where `super` is the crate root, and `crate::Item` where the
//! root re-exports `Item` (`pub use x::Item` in `lib.rs`), which counts as
//! the module it is re-exported from. Comments, strings and characters are
//! skipped, so a doc link is no dependency. A file in a folder (`x/y.rs`)
//! belongs to its top-level module `x`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// What the scanner sees of Rust code: names, `::`, braces and commas.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Path,
    Open,
    Close,
    Comma,
    Semi,
    Other,
}

/// `code` as tokens, without comments, strings, characters and lifetimes.
fn tokens(code: &str) -> Vec<Tok> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let is_ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    while i < c.len() {
        let ch = c[i];
        let next = c.get(i + 1).copied();
        if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && next == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 1;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 1;
                    if depth == 0 {
                        i += 1;
                        break;
                    }
                }
                i += 1;
            }
        } else if ch == 'r' && matches!(next, Some('"' | '#')) && (i == 0 || !is_ident(c[i - 1])) {
            // A raw string: r"..." or r#"..."#.
            let mut hashes = 0;
            i += 1;
            while c.get(i) == Some(&'#') {
                hashes += 1;
                i += 1;
            }
            i += 1;
            while i < c.len() {
                if c[i] == '"' && (1..=hashes).all(|h| c.get(i + h) == Some(&'#')) {
                    i += hashes + 1;
                    break;
                }
                i += 1;
            }
            out.push(Tok::Other);
        } else if ch == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push(Tok::Other);
        } else if ch == '\'' {
            // A character ('x', '\n', '\u{..}') or a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
                while i < c.len() && is_ident(c[i]) {
                    i += 1;
                }
            }
            out.push(Tok::Other);
        } else if is_ident(ch) {
            let start = i;
            while i < c.len() && is_ident(c[i]) {
                i += 1;
            }
            out.push(Tok::Ident(c[start..i].iter().collect()));
        } else {
            i += 1;
            out.push(match ch {
                ':' if next == Some(':') => {
                    i += 1;
                    Tok::Path
                }
                '{' => Tok::Open,
                '}' => Tok::Close,
                ',' => Tok::Comma,
                ';' => Tok::Semi,
                _ => Tok::Other,
            });
        }
    }
    out
}

/// The first names of the paths that start at `toks[i]`, after a `::`:
/// `x` for `x::y`, and `x`, `y` for `{x::a, y}`.
fn first_names(toks: &[Tok], i: usize) -> Vec<String> {
    match toks.get(i) {
        Some(Tok::Ident(name)) => vec![name.clone()],
        Some(Tok::Open) => {
            let mut names = Vec::new();
            let mut depth = 0;
            let mut item_start = true;
            for t in &toks[i..] {
                match t {
                    Tok::Open => depth += 1,
                    Tok::Close if depth == 1 => break,
                    Tok::Close => depth -= 1,
                    Tok::Comma if depth == 1 => item_start = true,
                    Tok::Ident(name) if depth == 1 && item_start => {
                        names.push(name.clone());
                        item_start = false;
                    }
                    _ => {}
                }
            }
            names
        }
        _ => Vec::new(),
    }
}

/// The names a file's code reaches at the crate root: through `crate::`,
/// and through `super::` that climbs to the root. `depth` is how many
/// modules the file itself is below the root (1 for `x.rs`).
fn root_names(code: &str, depth: usize) -> Vec<String> {
    let toks = tokens(code);
    let mut names = Vec::new();
    // The brace depth at which each inline `mod name {` opened.
    let mut inline_mods: Vec<usize> = Vec::new();
    let mut braces = 0;
    for (i, t) in toks.iter().enumerate() {
        match t {
            Tok::Open => {
                if let (Some(Tok::Ident(m)), Some(Tok::Ident(_))) = (
                    i.checked_sub(2).map(|j| &toks[j]),
                    i.checked_sub(1).map(|j| &toks[j]),
                ) {
                    if m == "mod" {
                        inline_mods.push(braces);
                    }
                }
                braces += 1;
            }
            Tok::Close => {
                braces -= 1;
                if inline_mods.last() == Some(&braces) {
                    inline_mods.pop();
                }
            }
            Tok::Ident(w) if w == "crate" && toks.get(i + 1) == Some(&Tok::Path) => {
                names.extend(first_names(&toks, i + 2));
            }
            Tok::Ident(w)
                if w == "super"
                    && toks.get(i + 1) == Some(&Tok::Path)
                    && (i == 0 || toks[i - 1] != Tok::Path) =>
            {
                // Count the chain `super::super::...`; it reaches the root
                // when it climbs out of every inline module and the file.
                let mut j = i;
                let mut ups = 0;
                while toks.get(j) == Some(&Tok::Ident("super".into()))
                    && toks.get(j + 1) == Some(&Tok::Path)
                {
                    ups += 1;
                    j += 2;
                }
                if ups == inline_mods.len() + depth {
                    names.extend(first_names(&toks, j));
                }
            }
            _ => {}
        }
    }
    names
}

/// From `lib.rs`: each re-exported name with the module it comes from, and
/// the names of the items defined in `lib.rs` itself.
fn root_items(lib: &str) -> (BTreeMap<String, String>, BTreeSet<String>) {
    let toks = tokens(lib);
    let mut reexports = BTreeMap::new();
    let mut own = BTreeSet::new();
    for (i, t) in toks.iter().enumerate() {
        let Tok::Ident(w) = t else { continue };
        match w.as_str() {
            "use" => {
                // `pub use m::Item;`, `pub use m::{A, B as C};`
                let Some(Tok::Ident(module)) = toks.get(i + 1) else {
                    continue;
                };
                let mut names = Vec::new();
                let mut j = i + 2;
                while !matches!(toks.get(j), Some(Tok::Semi) | None) {
                    if let Tok::Ident(n) = &toks[j] {
                        if toks.get(j + 1) != Some(&Tok::Path) && n != "as" && n != "self" {
                            names.push(n.clone());
                        }
                    }
                    j += 1;
                }
                // `A as C` exports `C`; an alias shadows the name before it,
                // and counting both names is harmless.
                for n in names {
                    reexports.insert(n, module.clone());
                }
            }
            "const" | "static" | "fn" | "struct" | "enum" | "type" | "trait" => {
                if let Some(Tok::Ident(name)) = toks.get(i + 1) {
                    own.insert(name.clone());
                }
            }
            _ => {}
        }
    }
    (reexports, own)
}

/// Every `.rs` file under `dir`, with its module path below the root.
fn module_files(dir: &Path, prefix: &[String], out: &mut Vec<(Vec<String>, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a UTF-8 file name")
            .to_owned();
        if path.is_dir() {
            let mut p = prefix.to_vec();
            p.push(name);
            module_files(&path, &p, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let mut p = prefix.to_vec();
            if name != "mod" && !(prefix.is_empty() && name == "lib") {
                p.push(name);
            }
            let code = fs::read_to_string(&path).expect("a source file is readable");
            out.push((p, code));
        }
    }
}

/// The crate's module graph: each top-level module with those it uses.
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    module_files(src, &[], &mut files);
    let lib = files
        .iter()
        .find(|(p, _)| p.is_empty())
        .map(|(_, code)| code.clone())
        .expect("src/lib.rs");
    let (reexports, own) = root_items(&lib);
    let modules: BTreeSet<String> = files
        .iter()
        .filter_map(|(p, _)| p.first().cloned())
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, code) in &files {
        // `lib.rs` only declares and re-exports; its re-exports are read above.
        let Some(module) = path.first() else { continue };
        let uses = graph.entry(module.clone()).or_default();
        for name in root_names(code, path.len()) {
            let target = if modules.contains(&name) {
                name
            } else if let Some(m) = reexports.get(&name) {
                m.clone()
            } else if own.contains(&name) || name == "self" {
                // An item of `lib.rs` itself (a constant): it uses nothing.
                continue;
            } else {
                panic!(
                    "`{}` names `crate::{name}`, which is neither a module nor an item of lib.rs",
                    path.join("::")
                );
            };
            if target != *module {
                uses.insert(target);
            }
        }
    }
    graph
}

/// Every cycle a depth-first walk meets, each as `a -> b -> a`.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    fn walk<'a>(
        node: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
        found: &mut Vec<String>,
    ) {
        if let Some(at) = stack.iter().position(|n| *n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node);
            found.push(cycle.join(" -> "));
            return;
        }
        if !done.insert(node) {
            return;
        }
        stack.push(node);
        for next in graph.get(node).into_iter().flatten() {
            walk(next, graph, stack, done, found);
        }
        stack.pop();
    }
    let mut found = Vec::new();
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        walk(node, graph, &mut Vec::new(), &mut done, &mut found);
    }
    found
}

#[test]
fn no_module_of_the_crate_uses_one_that_uses_it_back() {
    let graph = module_graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    // A scanner that sees nothing would find no cycle either.
    assert!(
        graph
            .get("answer")
            .is_some_and(|uses| uses.contains("survey")),
        "the scanner must see `answer` use `survey`: {graph:#?}"
    );
    let found = cycles(&graph);
    assert!(
        found.is_empty(),
        "the modules use each other in a circle:\n  {}\n\nthe graph: {graph:#?}",
        found.join("\n  ")
    );
}

#[test]
fn the_scanner_sees_paths_groups_root_reexports_and_super_but_not_comments() {
    let lib =
        "mod a; pub use a::{Thing, Other as Renamed}; pub use b::Item; pub const VERSION: u64 = 1;";
    let (reexports, own) = root_items(lib);
    assert_eq!(reexports.get("Thing").map(String::as_str), Some("a"));
    assert_eq!(reexports.get("Renamed").map(String::as_str), Some("a"));
    assert_eq!(reexports.get("Item").map(String::as_str), Some("b"));
    assert!(own.contains("VERSION"));
    let code = r#"
        //! See [`crate::doc_only`].
        use crate::{x::{A, B}, y};
        use crate::z::C;
        fn f() -> crate::Thing { let s = "crate::in_a_string"; let c = '"'; g::<'static>(crate::w::D) }
        use super::up;
        mod tests { use super::*; use super::super::two_up; }
        /* crate::in_a_block_comment */
    "#;
    assert_eq!(
        root_names(code, 1),
        ["x", "y", "z", "Thing", "w", "up", "two_up"]
    );
    // In `x/y.rs`, one `super` is `x`, two reach the root.
    assert_eq!(root_names("use super::a; use super::super::b;", 2), ["b"]);
}

#[test]
fn a_cycle_is_named_with_every_module_on_it() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(cycles(&graph), ["a -> b -> c -> a"]);
}
