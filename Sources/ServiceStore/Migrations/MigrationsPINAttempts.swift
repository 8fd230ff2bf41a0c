import GRDB

extension Schema {
    /// Migrations of the identity work (issue 14), registered last in `Schema.migrator`. Append only.
    static func registerIdentityMigrations(_ migrator: inout DatabaseMigrator) {
        // Failed PINs are counted in the file, not per process, so ten processes guessing at once share
        // one count and one lock. Keyed by the login asked for: guesses at a login that is not on the
        // staff list are counted too.
        migrator.registerMigration("identity-1-pin-attempts") { db in
            try db.execute(sql: """
                CREATE TABLE pin_attempt (
                    login TEXT PRIMARY KEY NOT NULL,
                    failures INTEGER NOT NULL DEFAULT 0,
                    locks INTEGER NOT NULL DEFAULT 0,
                    locked_until REAL
                ) WITHOUT ROWID
                """)
            // How many digits a PIN had when it was set: PINs set before the 6-digit rule have no row and
            // are flagged in `staff list` until changed. The digits, never the PIN.
            try db.execute(sql: """
                CREATE TABLE staff_pin_policy (
                    staff_id INTEGER PRIMARY KEY NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
                    digits INTEGER NOT NULL
                )
                """)
        }
    }
}
