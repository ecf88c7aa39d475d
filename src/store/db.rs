//! The narrow interface the store is written against: statements with positional parameters
//! (`?1`, `?2`… or `?`), rows read by position or name, transactions. Two engines implement
//! it: SQLite (embedded, one terminal) and PostgreSQL (shared by every terminal of a ward).
//!
//! The store's SQL is written once, in the part of SQL both engines read alike: text and
//! integer columns (dates and moments are ISO text, which sorts as they do), `ON CONFLICT DO
//! NOTHING`, `COALESCE`, `CASE`; what differs (the schema, its triggers, locking a mother's
//! row, the engine's own checks) lives with each engine. For PostgreSQL a statement's `?N`
//! become `$N`, and a value is bound as the type the server expects for it (a count as
//! `int4`, a total as `int8`).

use std::cell::RefCell;
use std::collections::HashMap;

use postgres::types::{FromSql, IsNull, ToSql, Type, to_sql_checked};

/// Which engine a connection talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A failure of either engine, or a value that is not what the store wrote.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Postgres(#[from] postgres::Error),
    /// A query that must answer one row answered none.
    #[error("the query returned no row")]
    NoRow,
    /// A column's value is not what the store writes there.
    #[error("{0}")]
    Value(String),
    /// A statement was started while another one's rows were still being read on the same
    /// connection (a PostgreSQL connection serves one at a time).
    #[error("a query was started while another was being read on the same connection")]
    Busy,
}

impl DbError {
    /// A unique index refused a second row with the same key (two terminals registering the
    /// same user number at once; a booking code drawn twice).
    pub fn is_unique_violation(&self) -> bool {
        match self {
            DbError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => {
                f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                    || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
            }
            DbError::Postgres(e) => e.code() == Some(&postgres::error::SqlState::UNIQUE_VIOLATION),
            _ => false,
        }
    }

    /// A column whose text is not what it should hold.
    pub fn bad_text(column: &str, value: &str) -> DbError {
        DbError::Value(format!("column {column}: unexpected value '{}'", value.escape_debug()))
    }
}

pub type DbResult<T> = Result<T, DbError>;

/// What stopped [`Db::query_each`]: the query, or the caller's own error from a row.
#[derive(Debug)]
pub enum EachError<E> {
    Db(DbError),
    Stopped(E),
}

impl<E> From<DbError> for EachError<E> {
    fn from(e: DbError) -> Self {
        EachError::Db(e)
    }
}

/// A value bound to a statement.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Int(i64),
    Text(&'a str),
    Owned(String),
}

/// What can be bound to a statement's parameter.
pub trait ToParam {
    fn to_value(&self) -> Value<'_>;
}

impl ToParam for i64 {
    fn to_value(&self) -> Value<'_> {
        Value::Int(*self)
    }
}
impl ToParam for i32 {
    fn to_value(&self) -> Value<'_> {
        Value::Int(i64::from(*self))
    }
}
impl ToParam for u32 {
    fn to_value(&self) -> Value<'_> {
        Value::Int(i64::from(*self))
    }
}
impl ToParam for bool {
    fn to_value(&self) -> Value<'_> {
        Value::Int(i64::from(*self))
    }
}
impl ToParam for str {
    fn to_value(&self) -> Value<'_> {
        Value::Text(self)
    }
}
impl ToParam for String {
    fn to_value(&self) -> Value<'_> {
        Value::Text(self)
    }
}
impl<T: ToParam + ?Sized> ToParam for &T {
    fn to_value(&self) -> Value<'_> {
        (**self).to_value()
    }
}
impl<T: ToParam> ToParam for Option<T> {
    fn to_value(&self) -> Value<'_> {
        match self {
            None => Value::Null,
            Some(v) => v.to_value(),
        }
    }
}
impl ToParam for Value<'_> {
    fn to_value(&self) -> Value<'_> {
        match self {
            Value::Null => Value::Null,
            Value::Int(i) => Value::Int(*i),
            Value::Text(s) => Value::Text(s),
            Value::Owned(s) => Value::Text(s),
        }
    }
}

/// The parameters of a statement: `params![a, b]`.
#[macro_export]
macro_rules! params {
    () => { &[] as &[&dyn $crate::store::db::ToParam] };
    ($($p:expr),+ $(,)?) => { &[$(&$p as &dyn $crate::store::db::ToParam),+] as &[&dyn $crate::store::db::ToParam] };
}

impl rusqlite::ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Owned(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        })
    }
}

/// Bound as the type the server inferred for the parameter.
impl ToSql for Value<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        let text = |s: &str| -> Result<i64, Box<dyn std::error::Error + Sync + Send>> {
            Ok(s.parse::<i64>()?)
        };
        match (self, ty) {
            (Value::Null, _) => Ok(IsNull::Yes),
            (Value::Int(i), t) if *t == Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
            (Value::Int(i), t) if *t == Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
            (Value::Int(i), t) if *t == Type::INT8 => i.to_sql(ty, out),
            (Value::Int(i), t) if *t == Type::BOOL => (*i != 0).to_sql(ty, out),
            (Value::Int(i), _) => i.to_string().as_str().to_sql(ty, out),
            (Value::Text(s), t) if is_int(t) => text(s)?.to_sql(&Type::INT8, out),
            (Value::Owned(s), t) if is_int(t) => text(s)?.to_sql(&Type::INT8, out),
            (Value::Text(s), _) => s.to_sql(ty, out),
            (Value::Owned(s), _) => s.as_str().to_sql(ty, out),
        }
    }

    fn accepts(ty: &Type) -> bool {
        is_int(ty)
            || *ty == Type::BOOL
            || *ty == Type::TEXT
            || *ty == Type::VARCHAR
            || *ty == Type::BPCHAR
            || *ty == Type::NAME
            || *ty == Type::UNKNOWN
    }

    to_sql_checked!();
}

fn is_int(ty: &Type) -> bool {
    *ty == Type::INT2 || *ty == Type::INT4 || *ty == Type::INT8
}

/// A column read by position or by name.
pub trait ColIndex: Copy + std::fmt::Display {
    fn index_in(&self, names: &mut dyn Iterator<Item = &str>) -> Option<usize>;
}
impl ColIndex for usize {
    fn index_in(&self, _: &mut dyn Iterator<Item = &str>) -> Option<usize> {
        Some(*self)
    }
}
impl ColIndex for &str {
    fn index_in(&self, names: &mut dyn Iterator<Item = &str>) -> Option<usize> {
        names.enumerate().find(|(_, n)| n == self).map(|(i, _)| i)
    }
}

/// One row of a result.
pub enum Row<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    Postgres(&'a postgres::Row),
}

/// A cell as either engine holds it.
pub enum Cell<'a> {
    Null,
    Int(i64),
    Text(&'a str),
}

impl<'a> Row<'a> {
    fn cell<I: ColIndex>(&self, idx: I) -> DbResult<Cell<'a>> {
        match self {
            Row::Sqlite(r) => {
                use rusqlite::types::ValueRef;
                let stmt = r.as_ref();
                let i = idx
                    .index_in(&mut stmt.column_names().into_iter())
                    .ok_or_else(|| DbError::Value(format!("no column {idx}")))?;
                Ok(match r.get_ref(i)? {
                    ValueRef::Null => Cell::Null,
                    ValueRef::Integer(n) => Cell::Int(n),
                    ValueRef::Text(t) => Cell::Text(
                        std::str::from_utf8(t)
                            .map_err(|_| DbError::Value(format!("column {idx} is not UTF-8")))?,
                    ),
                    ValueRef::Real(_) | ValueRef::Blob(_) => {
                        return Err(DbError::Value(format!("column {idx} is not text or integer")));
                    }
                })
            }
            Row::Postgres(r) => {
                let cols = r.columns();
                let i = idx
                    .index_in(&mut cols.iter().map(|c| c.name()))
                    .filter(|i| *i < cols.len())
                    .ok_or_else(|| DbError::Value(format!("no column {idx}")))?;
                let ty = cols[i].type_();
                let int = |v: Option<i64>| v.map_or(Cell::Null, Cell::Int);
                Ok(if *ty == Type::INT8 {
                    int(r.try_get::<_, Option<i64>>(i)?)
                } else if *ty == Type::INT4 {
                    int(r.try_get::<_, Option<i32>>(i)?.map(i64::from))
                } else if *ty == Type::INT2 {
                    int(r.try_get::<_, Option<i16>>(i)?.map(i64::from))
                } else if *ty == Type::BOOL {
                    int(r.try_get::<_, Option<bool>>(i)?.map(i64::from))
                } else {
                    match r.try_get::<_, Option<&str>>(i)? {
                        None => Cell::Null,
                        Some(s) => Cell::Text(s),
                    }
                })
            }
        }
    }

    /// The column's value as `T`.
    pub fn get<T: FromCell<'a>, I: ColIndex>(&self, idx: I) -> DbResult<T> {
        T::from_cell(self.cell(idx)?)
            .map_err(|what| DbError::Value(format!("column {idx}: {what}")))
    }
}

/// A Rust value read from a cell.
pub trait FromCell<'a>: Sized {
    fn from_cell(c: Cell<'a>) -> Result<Self, String>;
}

impl<'a> FromCell<'a> for i64 {
    fn from_cell(c: Cell<'a>) -> Result<Self, String> {
        match c {
            Cell::Int(n) => Ok(n),
            Cell::Null => Err("NULL where a number belongs".into()),
            Cell::Text(_) => Err("text where a number belongs".into()),
        }
    }
}
impl<'a> FromCell<'a> for u32 {
    fn from_cell(c: Cell<'a>) -> Result<Self, String> {
        let n = i64::from_cell(c)?;
        u32::try_from(n).map_err(|_| format!("{n} is out of range"))
    }
}
impl<'a> FromCell<'a> for bool {
    fn from_cell(c: Cell<'a>) -> Result<Self, String> {
        Ok(i64::from_cell(c)? != 0)
    }
}
impl<'a> FromCell<'a> for &'a str {
    fn from_cell(c: Cell<'a>) -> Result<Self, String> {
        match c {
            Cell::Text(s) => Ok(s),
            Cell::Null => Err("NULL where text belongs".into()),
            Cell::Int(_) => Err("a number where text belongs".into()),
        }
    }
}
impl<'a> FromCell<'a> for String {
    fn from_cell(c: Cell<'a>) -> Result<Self, String> {
        <&str>::from_cell(c).map(str::to_string)
    }
}
impl<'a, T: FromCell<'a>> FromCell<'a> for Option<T> {
    fn from_cell(c: Cell<'a>) -> Result<Self, String> {
        match c {
            Cell::Null => Ok(None),
            c => T::from_cell(c).map(Some),
        }
    }
}

/// A PostgreSQL connection with its prepared statements, by the store's SQL text.
struct Pg {
    client: postgres::Client,
    statements: HashMap<String, postgres::Statement>,
}

impl Pg {
    fn statement(&mut self, sql: &str) -> DbResult<postgres::Statement> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let st = self.client.prepare(&to_dollars(sql))?;
        self.statements.insert(sql.to_string(), st.clone());
        Ok(st)
    }
}

/// `?N` → `$N` and a bare `?` → the next `$k`, outside quoted text.
fn to_dollars(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut next = 1;
    let mut quote: Option<char> = None;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                out.push(c);
            }
            (Some(_), c) => out.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                out.push(c);
            }
            (None, '?') => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                out.push('$');
                if digits.is_empty() {
                    out.push_str(&next.to_string());
                    next += 1;
                } else {
                    out.push_str(&digits);
                }
            }
            (None, c) => out.push(c),
        }
    }
    out
}

enum Inner {
    Sqlite(rusqlite::Connection),
    // Boxed: a PostgreSQL client is several times an SQLite handle's size.
    Postgres(Box<RefCell<Pg>>),
}

/// A connection to the store's database.
pub struct Db {
    inner: Inner,
}

impl Db {
    pub fn sqlite(conn: rusqlite::Connection) -> Db {
        // Every statement of the store is prepared once per connection.
        conn.set_prepared_statement_cache_capacity(128);
        Db { inner: Inner::Sqlite(conn) }
    }

    pub fn postgres(client: postgres::Client) -> Db {
        Db {
            inner: Inner::Postgres(Box::new(RefCell::new(Pg {
                client,
                statements: HashMap::new(),
            }))),
        }
    }

    pub fn engine(&self) -> Engine {
        match self.inner {
            Inner::Sqlite(_) => Engine::Sqlite,
            Inner::Postgres(_) => Engine::Postgres,
        }
    }

    /// The SQLite connection, for what only SQLite has (pragmas, its files).
    pub fn as_sqlite(&self) -> Option<&rusqlite::Connection> {
        match &self.inner {
            Inner::Sqlite(c) => Some(c),
            Inner::Postgres(_) => None,
        }
    }

    /// The SQLite connection, to close it.
    pub fn into_sqlite(self) -> Option<rusqlite::Connection> {
        match self.inner {
            Inner::Sqlite(c) => Some(c),
            Inner::Postgres(_) => None,
        }
    }

    fn pg(&self) -> Option<std::cell::RefMut<'_, Pg>> {
        match &self.inner {
            Inner::Sqlite(_) => None,
            Inner::Postgres(p) => p.try_borrow_mut().ok(),
        }
    }

    fn pg_or_busy(&self) -> DbResult<std::cell::RefMut<'_, Pg>> {
        self.pg().ok_or(DbError::Busy)
    }

    /// Runs statements without parameters or results (a migration, `BEGIN`).
    pub fn batch(&self, sql: &str) -> DbResult<()> {
        match &self.inner {
            Inner::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Inner::Postgres(_) => Ok(self.pg_or_busy()?.client.batch_execute(sql)?),
        }
    }

    /// Runs one statement; the number of rows it changed.
    pub fn execute(&self, sql: &str, params: &[&dyn ToParam]) -> DbResult<u64> {
        let values: Vec<Value> = params.iter().map(|p| p.to_value()).collect();
        match &self.inner {
            Inner::Sqlite(c) => {
                let mut st = c.prepare_cached(sql)?;
                Ok(st.execute(rusqlite::params_from_iter(values.iter()))? as u64)
            }
            Inner::Postgres(_) => {
                let mut pg = self.pg_or_busy()?;
                let st = pg.statement(sql)?;
                let refs: Vec<&(dyn ToSql + Sync)> =
                    values.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
                Ok(pg.client.execute(&st, &refs)?)
            }
        }
    }

    /// Calls `each` with every row, as they are read (memory does not grow with the result).
    pub fn query_each<E: From<DbError>>(
        &self,
        sql: &str,
        params: &[&dyn ToParam],
        mut each: impl FnMut(&Row<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        let values: Vec<Value> = params.iter().map(|p| p.to_value()).collect();
        match &self.inner {
            Inner::Sqlite(c) => {
                let mut st = c.prepare_cached(sql).map_err(DbError::from)?;
                let mut rows =
                    st.query(rusqlite::params_from_iter(values.iter())).map_err(DbError::from)?;
                while let Some(r) = rows.next().map_err(DbError::from)? {
                    each(&Row::Sqlite(r))?;
                }
                Ok(())
            }
            Inner::Postgres(_) => {
                let mut pg = self.pg_or_busy()?;
                let st = pg.statement(sql)?;
                let mut rows = pg.client.query_raw(&st, values.iter()).map_err(DbError::from)?;
                use postgres::fallible_iterator::FallibleIterator;
                while let Some(r) = rows.next().map_err(DbError::from)? {
                    each(&Row::Postgres(&r))?;
                }
                Ok(())
            }
        }
    }

    /// Every row, each made into a `T`.
    pub fn query_map<T>(
        &self,
        sql: &str,
        params: &[&dyn ToParam],
        mut f: impl FnMut(&Row<'_>) -> DbResult<T>,
    ) -> DbResult<Vec<T>> {
        let mut out = Vec::new();
        self.query_each(sql, params, |r| {
            out.push(f(r)?);
            Ok::<(), DbError>(())
        })?;
        Ok(out)
    }

    /// The first row made into a `T`, if there is one.
    pub fn query_opt<T>(
        &self,
        sql: &str,
        params: &[&dyn ToParam],
        f: impl FnOnce(&Row<'_>) -> DbResult<T>,
    ) -> DbResult<Option<T>> {
        let values: Vec<Value> = params.iter().map(|p| p.to_value()).collect();
        match &self.inner {
            Inner::Sqlite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let mut rows = st.query(rusqlite::params_from_iter(values.iter()))?;
                match rows.next()? {
                    Some(r) => f(&Row::Sqlite(r)).map(Some),
                    None => Ok(None),
                }
            }
            Inner::Postgres(_) => {
                let row = {
                    let mut pg = self.pg_or_busy()?;
                    let st = pg.statement(sql)?;
                    let refs: Vec<&(dyn ToSql + Sync)> =
                        values.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
                    let mut rows = pg.client.query(&st, &refs)?;
                    if rows.is_empty() { None } else { Some(rows.swap_remove(0)) }
                };
                row.map(|r| f(&Row::Postgres(&r))).transpose()
            }
        }
    }

    /// The one row a query answers, made into a `T`.
    pub fn query_row<T>(
        &self,
        sql: &str,
        params: &[&dyn ToParam],
        f: impl FnOnce(&Row<'_>) -> DbResult<T>,
    ) -> DbResult<T> {
        self.query_opt(sql, params, f)?.ok_or(DbError::NoRow)
    }

    /// `FOR UPDATE` where the engine locks rows a transaction reads (PostgreSQL); SQLite's
    /// write transaction already holds the whole database.
    pub fn for_update(&self) -> &'static str {
        match self.engine() {
            Engine::Sqlite => "",
            Engine::Postgres => " FOR UPDATE",
        }
    }

    /// Whether the PostgreSQL connection has been closed (the server went away).
    pub fn is_closed(&self) -> bool {
        match &self.inner {
            Inner::Sqlite(_) => false,
            Inner::Postgres(p) => p.try_borrow().map(|p| p.client.is_closed()).unwrap_or(false),
        }
    }
}

impl<'a> FromSql<'a> for Value<'a> {
    fn from_sql(
        ty: &Type,
        raw: &'a [u8],
    ) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        if *ty == Type::INT8 {
            Ok(Value::Int(i64::from_sql(ty, raw)?))
        } else if *ty == Type::INT4 {
            Ok(Value::Int(i64::from(i32::from_sql(ty, raw)?)))
        } else {
            Ok(Value::Text(<&str>::from_sql(ty, raw)?))
        }
    }

    fn from_sql_null(_: &Type) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        Ok(Value::Null)
    }

    fn accepts(ty: &Type) -> bool {
        is_int(ty) || *ty == Type::TEXT || *ty == Type::VARCHAR
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_marks_become_dollars_outside_quotes() {
        assert_eq!(to_dollars("SELECT ?1, ?2 WHERE a = ?1"), "SELECT $1, $2 WHERE a = $1");
        assert_eq!(to_dollars("a = ? AND b = ?"), "a = $1 AND b = $2");
        assert_eq!(to_dollars("x = '?' AND y = ?3"), "x = '?' AND y = $3");
        assert_eq!(to_dollars("RAISE 'it''s ?'"), "RAISE 'it''s ?'");
    }

    #[test]
    fn sqlite_rows_read_by_position_and_name() {
        let db = Db::sqlite(rusqlite::Connection::open_in_memory().unwrap());
        db.batch("CREATE TABLE t (a TEXT, b INTEGER, c TEXT)").unwrap();
        db.execute("INSERT INTO t VALUES (?1, ?2, ?3)", params!["x", 7u32, None::<String>])
            .unwrap();
        let (a, b, c): (String, u32, Option<String>) = db
            .query_row("SELECT a, b, c FROM t", params![], |r| {
                Ok((r.get(0)?, r.get("b")?, r.get(2)?))
            })
            .unwrap();
        assert_eq!((a.as_str(), b, c), ("x", 7, None));
        assert!(matches!(
            db.query_row("SELECT a FROM t WHERE b = 8", params![], |r| r.get::<String, _>(0)),
            Err(DbError::NoRow)
        ));
    }
}
