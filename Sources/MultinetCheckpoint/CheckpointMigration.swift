/// One numbered step of the database schema. Applied once, in its own transaction, and
/// recorded in `schema_migrations`. Never edit a released step: add the next one.
struct CheckpointMigration: Sendable {
    /// 1, 2, 3, … without gaps.
    let version: Int
    /// What the step does, named in errors.
    let summary: String
    /// The SQL script (one or more statements).
    let sql: String
}
