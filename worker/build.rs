//! Refuses to build the worker when wrangler.toml commits a secret as a plain
//! variable (see `src/committed_secrets.rs`).

#[path = "src/committed_secrets.rs"]
#[allow(dead_code)] // shared with the crate, which tests it
mod committed_secrets;

fn main() {
    println!("cargo::rerun-if-changed=wrangler.toml");
    println!("cargo::rerun-if-changed=src/committed_secrets.rs");
    let problem = match std::fs::read_to_string("wrangler.toml") {
        Err(error) => Some(format!("cannot read wrangler.toml: {error}")),
        Ok(text) => match committed_secrets::committed_secrets(&text) {
            Err(error) => Some(error),
            Ok(found) if found.is_empty() => None,
            Ok(found) => Some(format!(
                "wrangler.toml sets {} as a plain variable, committed with the code: \
                 remove it and set it with `wrangler secret put` (locally: worker/.dev.vars)",
                found.join(", ")
            )),
        },
    };
    if let Some(problem) = problem {
        eprintln!("error: {problem}");
        std::process::exit(1);
    }
}
