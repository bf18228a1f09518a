#ifndef MULTINET_CSQLITE_SHIM_H
#define MULTINET_CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro casting -1 to a function pointer; Swift cannot import it.
static inline sqlite3_destructor_type multinet_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

/// sqlite3_db_config is variadic, which Swift cannot call: the one option multinet sets.
/// Closing the last connection then leaves the WAL as it is instead of checkpointing it
/// into the database (an fsync of the database and a truncation on every plugin run);
/// SQLite's automatic checkpoints still fold it in every `wal_autocheckpoint` pages.
static inline int multinet_sqlite_no_checkpoint_on_close(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}
#endif
