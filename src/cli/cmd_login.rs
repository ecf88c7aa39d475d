//! `sango login ID` and `sango logout`: a staff member signs in at a staff terminal that works
//! through a ward's server. The password is read from stdin (never an argument); the sign-in
//! the server gives is kept in the owner-only file `signin` next to config.toml and `token`,
//! never printed, and sent with every request (`Sango-Signin`) until `sango logout` or until
//! the server's idle time passes without a request.

use serde_json::json;

use super::secret_input::SecretInput;
use super::{CliError, CliResult, Context, output};
use crate::msg;
use crate::terminal::{self, Reply};

#[derive(Debug, clap::Args)]
pub struct LoginArgs {
    /// The staff id (職員ID), as `sango serve staff add ID` registered it.
    pub id: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct LogoutArgs {
    #[arg(long)]
    pub json: bool,
}

/// The server the settings name and the config folder (where `token` and `signin` are).
fn remote(ctx: &Context) -> CliResult<(terminal::Remote, std::path::PathBuf)> {
    let loaded = ctx.config()?;
    let dir = loaded.location.dir.clone();
    let remote = terminal::configured_remote(&loaded.config, &dir)
        .map_err(CliError::refused)?
        .ok_or_else(|| CliError::refused(msg!("cli-login-no-server")))?;
    Ok((remote, dir))
}

pub fn login(ctx: &Context, a: LoginArgs) -> CliResult {
    let (remote, dir) = remote(ctx)?;
    let prompt = format!("{} ", msg!("cli-login-password"));
    let password = SecretInput::new("password").read(&prompt)?;
    let signed = terminal::sign_in(&remote, &dir, &a.id, &password).map_err(CliError::refused)?;
    let (id, terminal, idle) = (signed.staff, signed.terminal, signed.expires_idle_secs);
    if a.json {
        return output::json(&json!({
            "staff": id,
            "terminal": terminal,
            "expires_idle_secs": idle,
        }));
    }
    let minutes = idle.div_ceil(60);
    crate::outln!(
        "{}",
        msg!("cli-signed-in", id = id.as_str(), terminal = terminal.as_str(), minutes = minutes)
    );
    Ok(())
}

pub fn logout(ctx: &Context, a: LogoutArgs) -> CliResult {
    let (remote, dir) = remote(ctx)?;
    // A sign-in file refused (others may read it) is only removed: its sign-in ends on the
    // server with the idle time.
    let signin = terminal::read_signin(&dir).ok().flatten();
    let ended_on_server = match signin {
        Some(s) => match remote.with_signin(Some(s)).post("/v1/logout", &json!({})) {
            Reply::Answer { status: 200, body, .. } => body["signed_out"].as_bool(),
            _ => None,
        },
        None => None,
    };
    let had = terminal::remove_signin(&dir).map_err(CliError::refused)?;
    if a.json {
        return output::json(&json!({ "signed_out": had, "server": ended_on_server }));
    }
    if !had {
        crate::outln!("{}", msg!("cli-signed-out-nobody"));
    } else if ended_on_server.is_none() {
        crate::outln!("{}", msg!("cli-signed-out-here"));
    } else {
        crate::outln!("{}", msg!("cli-signed-out"));
    }
    Ok(())
}
