//! Secrets that must not be committed: a `JWT_SECRET` or a `JWT_PRIVATE_JWK`
//! in wrangler.toml's
//! `[vars]` (or an environment's) is deployed as a plain variable, readable in
//! the repository and the dashboard. The runtime cannot tell a variable from a
//! secret, so the build refuses such a file (build.rs), and wrangler.toml's
//! `[secrets] required` makes `wrangler deploy` refuse a worker without the
//! secret.

/// The names that must come from secrets (`wrangler secret put`).
pub const SECRET_NAMES: [&str; 2] = ["JWT_SECRET", "JWT_PRIVATE_JWK"];

/// Where the text of a wrangler.toml sets a secret as a plain variable, as
/// dotted paths (`vars.JWT_SECRET`, `env.production.vars.JWT_SECRET`).
///
/// # Errors
/// When the text is not TOML.
pub fn committed_secrets(wrangler_toml: &str) -> Result<Vec<String>, String> {
    let config: toml::Table = wrangler_toml
        .parse()
        .map_err(|error| format!("wrangler.toml is not valid TOML: {error}"))?;
    let mut found = Vec::new();
    let mut check = |prefix: &str, vars: Option<&toml::Value>| {
        if let Some(toml::Value::Table(vars)) = vars {
            for name in SECRET_NAMES {
                if vars.contains_key(name) {
                    found.push(format!("{prefix}vars.{name}"));
                }
            }
        }
    };
    check("", config.get("vars"));
    if let Some(toml::Value::Table(environments)) = config.get("env") {
        for (name, environment) in environments {
            check(&format!("env.{name}."), environment.get("vars"));
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_in_any_vars_table_is_found() {
        let config = "name = \"w\"\n[vars]\nJWT_ISSUER = \"i\"\nJWT_SECRET = \"s\"\n\
                      [env.production.vars]\nJWT_PRIVATE_JWK = \"{}\"\n[env.staging]\nvars = { A = \"1\" }\n";
        assert_eq!(
            committed_secrets(config),
            Ok(vec![
                "vars.JWT_SECRET".to_string(),
                "env.production.vars.JWT_PRIVATE_JWK".to_string()
            ])
        );
        assert_eq!(
            committed_secrets("vars = { JWT_SECRET = \"s\" }"),
            Ok(vec!["vars.JWT_SECRET".to_string()])
        );
    }

    #[test]
    fn the_project_wrangler_toml_commits_no_secret() {
        assert_eq!(
            committed_secrets(include_str!("../wrangler.toml")),
            Ok(Vec::new())
        );
        assert!(committed_secrets("[vars").is_err());
    }
}
