//! `sango store check [--json]` and `sango store repair [--json]`: the full damage check of the
//! booking store, on demand (a ward can schedule it; the terminal app runs it once a day), and
//! the repair of the damage it can mend. A check's result is kept beside the store: while it
//! says "damaged", every write is refused and names `sango store repair` (see `store::check`).

use serde::Serialize;

use super::output;
use super::{CliError, CliResult, Context, cmd_store};
use crate::msg;
use crate::store::check::CheckRecord;
use crate::visible;

#[derive(Debug, clap::Subcommand)]
pub enum StoreCommand {
    /// Check the whole database file for damage (PRAGMA integrity_check) and keep the result;
    /// exit 1 if damaged.
    Check {
        #[arg(long)]
        json: bool,
    },
    /// Rebuild the indexes (REINDEX), check again, keep the result and record an event; exit 1
    /// if damage remains.
    Repair {
        #[arg(long)]
        json: bool,
    },
    /// Bring the store's schema up to this program's (done on first use anyway); a newer
    /// schema is refused.
    Migrate {
        #[arg(long)]
        json: bool,
    },
    /// Copy this store, events included, into an empty one: a PostgreSQL URL (a ward moving
    /// to the server) or a data folder (and back); the copy is verified after.
    Copy {
        /// postgres://USER@HOST:PORT/DATABASE, or a data folder.
        #[arg(long, value_name = "URL_OR_DIR")]
        to: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Serialize)]
struct CheckAnswer<'a> {
    ok: bool,
    path: &'a std::path::Path,
    checked_at: String,
    detail: &'a str,
}

fn answer<'a>(path: &'a std::path::Path, r: &'a CheckRecord) -> CheckAnswer<'a> {
    CheckAnswer { ok: r.ok, path, checked_at: cmd_store::time(r.checked_at), detail: &r.detail }
}

/// The refusal when damage remains: one line naming the file and what to do.
fn damaged(path: &std::path::Path, r: &CheckRecord, repaired: bool) -> CliError {
    let next = if repaired { "restore" } else { "repair" };
    CliError::refused(msg!(
        "cli-store-damaged",
        path = visible::path(path).to_string(),
        detail = visible::one_line(&r.detail),
        next = next
    ))
}

pub fn run(ctx: &Context, c: StoreCommand) -> CliResult {
    match c {
        StoreCommand::Check { json } => check(ctx, json),
        StoreCommand::Repair { json } => repair(ctx, json),
        StoreCommand::Migrate { json } => migrate(ctx, json),
        StoreCommand::Copy { to, json } => copy(ctx, &to, json),
    }
}

fn migrate(ctx: &Context, json: bool) -> CliResult {
    let store = cmd_store::open_direct(ctx)?;
    let (engine, version) = if store.on_server() {
        ("postgresql", crate::store::schema_pg::VERSION)
    } else {
        ("sqlite", crate::store::schema::VERSION)
    };
    if json {
        return output::json(&serde_json::json!({
            "engine": engine,
            "schema_version": version,
            "path": store.path(),
        }));
    }
    let path = visible::path(store.path()).to_string();
    crate::outln!(
        "{}",
        msg!("cli-store-migrated", path = path, version = version.to_string(), engine = engine)
    );
    Ok(())
}

fn copy(ctx: &Context, to: &str, json: bool) -> CliResult {
    use crate::store::{DataDir, Location};
    let source = cmd_store::open_direct(ctx)?;
    let target = if crate::store::server::is_server_url(to) {
        Location::resolve(Some(to), None)?
    } else {
        Location::Folder(DataDir { path: to.into(), explicit: true })
    };
    let target = target.open(source.kind())?;
    let programme = crate::dataset::load_programme(ctx.dataset_path.as_deref())?;
    let report = source.copy_to(&target, &programme)?;
    if json {
        return output::json(&serde_json::json!({
            "from": source.path(),
            "to": target.path(),
            "residents": report.residents,
            "bookings": report.bookings,
            "events": report.events,
        }));
    }
    crate::outln!(
        "{}",
        msg!(
            "cli-store-copied",
            residents = report.residents.to_string(),
            bookings = report.bookings.to_string(),
            events = report.events.to_string(),
            from = visible::path(source.path()).to_string(),
            to = visible::path(target.path()).to_string()
        )
    );
    Ok(())
}

/// The check only reads the database: it works in a read-only folder and never creates a
/// store. Its result is kept beside the store where the folder allows.
fn check(ctx: &Context, json: bool) -> CliResult {
    let config = ctx.config()?.config;
    let location = ctx.location_of(&config)?;
    let kind = ctx.store_kind();
    let Some(mut store) = location.open_read_only(kind)? else {
        let path = location.place(kind);
        if json {
            return output::json(&serde_json::json!({"ok": true, "path": path, "exists": false}));
        }
        let path = visible::path(&path).to_string();
        crate::outln!("{}", msg!("cli-store-none", path = path));
        return Ok(());
    };
    let path = store.path().to_path_buf();
    let mut r = store.run_full_check()?;
    // What must hold whatever wrote to the store: the limits, one booking a day, the audit
    // trail matching the tables (the programme's limits come from the dataset).
    let programme = crate::dataset::load_programme(ctx.dataset_path.as_deref())?;
    // Only on sound storage: a damaged file's rows cannot be trusted to say anything.
    let broken = if r.ok { store.broken_invariants(&programme)? } else { Vec::new() };
    if !broken.is_empty() {
        r.ok = false;
        let mut all: Vec<String> = Vec::new();
        if !r.detail.is_empty() {
            all.push(r.detail.clone());
        }
        all.extend(broken);
        r.detail = all.join("; ");
    }
    if let Err(e) = store.keep_check(&r) {
        let error = visible::one_line(&e.to_string()).into_owned();
        eprintln!("sango: {}", msg!("cli-store-check-not-kept", error = error));
    }
    if json {
        output::json(&answer(&path, &r))?;
    } else if r.ok {
        crate::outln!("{}", msg!("cli-store-ok", path = visible::path(&path).to_string()));
    }
    if !r.ok {
        return Err(damaged(&path, &r, false));
    }
    Ok(())
}

fn repair(ctx: &Context, json: bool) -> CliResult {
    let mut store = cmd_store::open_direct(ctx)?;
    let path = store.path().to_path_buf();
    let rep = store.repair(&cmd_store::terminal())?;
    if json {
        output::json(&serde_json::json!({
            "before": rep.before,
            "after": answer(&path, &rep.after),
        }))?;
    } else if rep.after.ok {
        let before = if rep.before.is_empty() {
            msg!("cli-store-no-damage-known")
        } else {
            visible::one_line(&rep.before).into_owned()
        };
        let path = visible::path(&path).to_string();
        crate::outln!("{}", msg!("cli-store-repaired", path = path, before = before));
    }
    if !rep.after.ok {
        return Err(damaged(&path, &rep.after, true));
    }
    Ok(())
}
