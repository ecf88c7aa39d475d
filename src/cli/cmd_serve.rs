//! `sango serve terminal add|list|revoke` and `sango serve staff add`: who may use a ward's
//! server, run by its administrator against the server's store (`--database URL`, or the data
//! folder of an SQLite store).
//!
//! A terminal's token is printed once, when it is enrolled, and kept only as its hash: a lost
//! token is revoked and the terminal enrolled again under another name. A staff member's
//! password is read twice from stdin (never an argument, which the process list would show).

use serde::Serialize;

use super::secret_input::SecretInput;
use super::{CliError, CliResult, Context, cmd_store, output};
use crate::credentials;
use crate::msg;
use crate::store::access::{Role, Terminal};

/// `sango serve --listen ADDR`, or one of its subcommands.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ServeArgs {
    /// Serve the store over HTTP on ADDR: a loopback address such as 127.0.0.1:8080 (port 0
    /// picks a free one; the first line printed says which), or any address with TLS
    /// (--tls-cert and --tls-key). Stops on SIGTERM or Ctrl-C.
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,
    /// The server's certificate chain (PEM), for HTTPS.
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<std::path::PathBuf>,
    /// The certificate's private key (PEM; the server user's own file, mode 0600).
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<std::path::PathBuf>,
    /// How long a staff member's sign-in (`sango login`) lasts without a request, in seconds
    /// (1 to 86400; default 1800: 30 minutes).
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub signin_idle_secs: Option<u64>,
    #[command(subcommand)]
    pub command: Option<ServeCommand>,
}

#[derive(Debug, clap::Subcommand)]
pub enum ServeCommand {
    /// The terminals that may use the server (端末): enroll, list, revoke.
    #[command(subcommand)]
    Terminal(TerminalCommand),
    /// The staff members who sign in at staff terminals (職員).
    #[command(subcommand)]
    Staff(StaffCommand),
}

#[derive(Debug, clap::Subcommand)]
pub enum TerminalCommand {
    /// Enroll a terminal; its token is printed once (keep it in the terminal's 0600 token file).
    Add {
        /// The terminal's name: 1 to 32 of A-Z a-z 0-9 . _ - (e.g. oji-1, akabane-kiosk).
        name: String,
        /// staff: a health-center terminal; kiosk: public information and one identified
        /// mother's own data.
        #[arg(long, value_parser = parse_role)]
        role: Role,
        #[arg(long)]
        json: bool,
    },
    /// Every enrolled terminal, revoked ones too.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Refuse a terminal's token from now on.
    Revoke {
        name: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, clap::Subcommand)]
pub enum StaffCommand {
    /// Add a staff member; the password is read from stdin twice (at least 10 characters).
    Add {
        /// The staff id they sign in with: 1 to 32 of A-Z a-z 0-9 . _ - (e.g. k.tanaka).
        id: String,
        #[arg(long)]
        json: bool,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    s.parse().map_err(|_| msg!("cli-serve-not-a-role", text = s))
}

/// The certificate and key to serve HTTPS with: each from its flag, else from the settings
/// (`tls_cert`, `tls_key`; a relative path is taken from the config file's folder). Both or
/// neither: a certificate without its key (or a key without its certificate) is refused.
fn tls_files(
    cert_flag: Option<std::path::PathBuf>,
    key_flag: Option<std::path::PathBuf>,
    config: &crate::config::Config,
    config_dir: &std::path::Path,
) -> CliResult<Option<crate::server::tls::TlsFiles>> {
    let from_settings = |p: &Option<String>| p.as_ref().map(|p| config_dir.join(p));
    let cert = cert_flag.or_else(|| from_settings(&config.tls_cert));
    let key = key_flag.or_else(|| from_settings(&config.tls_key));
    match (cert, key) {
        (Some(cert), Some(key)) => Ok(Some(crate::server::tls::TlsFiles { cert, key })),
        (None, None) => Ok(None),
        (Some(_), None) => Err(CliError::refused(msg!("cli-serve-cert-needs-key"))),
        (None, Some(_)) => Err(CliError::refused(msg!("cli-serve-key-needs-cert"))),
    }
}

/// What `terminal add --json` prints: the only time the token is shown.
#[derive(Serialize)]
struct Enrolled<'a> {
    terminal: &'a str,
    role: Role,
    token: &'a str,
}

pub fn run(ctx: &Context, a: ServeArgs) -> CliResult {
    match (a.command, a.listen) {
        (Some(c), _) => run_command(ctx, c),
        (None, Some(listen)) => {
            let loaded = ctx.config()?;
            let config = loaded.config;
            let location = ctx.location_of(&config)?;
            let dataset = ctx.dataset()?;
            let tls = tls_files(a.tls_cert, a.tls_key, &config, &loaded.location.dir)?;
            let idle = a
                .signin_idle_secs
                .map_or(crate::server::signin::DEFAULT_IDLE, std::time::Duration::from_secs);
            crate::server::serve(location, ctx.store_kind(), dataset, &listen, tls.as_ref(), idle)
                .map_err(CliError::refused)
        }
        (None, None) => Err(CliError::Usage(msg!("cli-serve-usage"))),
    }
}

fn run_command(ctx: &Context, c: ServeCommand) -> CliResult {
    match c {
        ServeCommand::Terminal(TerminalCommand::Add { name, role, json }) => {
            add_terminal(ctx, &name, role, json)
        }
        ServeCommand::Terminal(TerminalCommand::List { json }) => list(ctx, json),
        ServeCommand::Terminal(TerminalCommand::Revoke { name, json }) => {
            let store = cmd_store::open_direct(ctx)?;
            let t = store.revoke_terminal(
                &name,
                super::args::at_or_now(None),
                &cmd_store::terminal(),
            )?;
            if json {
                return output::json(&t);
            }
            crate::outln!("{}", msg!("cli-serve-revoked", name = t.name.as_str()));
            Ok(())
        }
        ServeCommand::Staff(StaffCommand::Add { id, json }) => add_staff(ctx, &id, json),
    }
}

fn add_terminal(ctx: &Context, name: &str, role: Role, json: bool) -> CliResult {
    let store = cmd_store::open_direct(ctx)?;
    let token = credentials::new_token().map_err(CliError::refused)?;
    let t = store.enroll_terminal(
        name,
        role,
        &credentials::token_hash(&token),
        super::args::at_or_now(None),
        &cmd_store::terminal(),
    )?;
    if json {
        return output::json(&Enrolled { terminal: &t.name, role: t.role, token: &token });
    }
    let role = t.role.to_string();
    crate::outln!("{}", msg!("cli-serve-enrolled", name = t.name.as_str(), role = role));
    crate::outln!("{}", msg!("cli-serve-token-once"));
    crate::outln!("{token}");
    Ok(())
}

fn list(ctx: &Context, json: bool) -> CliResult {
    // Opened as for a write: an older store gains the terminals' table first.
    let terminals: Vec<Terminal> = cmd_store::open_direct(ctx)?.terminals()?;
    if json {
        return output::json(&terminals);
    }
    let rows: Vec<Vec<String>> = terminals
        .iter()
        .map(|t| {
            vec![
                t.name.clone(),
                t.role.to_string(),
                cmd_store::time(t.enrolled_at),
                t.revoked_at.map(cmd_store::time).unwrap_or_default(),
            ]
        })
        .collect();
    let heads = [
        "cli-serve-col-terminal",
        "cli-serve-col-role",
        "cli-serve-col-enrolled",
        "cli-serve-col-revoked",
    ];
    crate::outln!("{}", output::message_table(&heads, &rows));
    Ok(())
}

fn add_staff(ctx: &Context, id: &str, json: bool) -> CliResult {
    let mut input = SecretInput::new("password");
    // A prompt ends with a space before the answer (messages are trimmed).
    let first = input.read(&format!("{} ", msg!("cli-serve-password")))?;
    if let Some(problem) = credentials::password_problem(&first) {
        let problem = problem.to_string();
        return Err(CliError::refused(msg!("cli-nothing-changed", problem = problem)));
    }
    let again = input.read(&format!("{} ", msg!("cli-prompt-again")))?;
    if first != again {
        return Err(CliError::refused(msg!("cli-serve-passwords-differ")));
    }
    let hash = credentials::hash_password(&first).map_err(CliError::refused)?;
    let store = cmd_store::open_direct(ctx)?;
    store.add_staff(id, &hash, super::args::at_or_now(None), &cmd_store::terminal())?;
    if json {
        return output::json(&serde_json::json!({ "staff": id }));
    }
    crate::outln!("{}", msg!("cli-serve-staff-added", id = id));
    Ok(())
}
