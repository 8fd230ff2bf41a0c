import GRDB

extension Schema {
    /// Registered after the gaps migrations (the lead keeps the list in `Schema.migrator`).
    static func registerHistoryMigrations(_ migrator: inout DatabaseMigrator) {
        // The old system's number of an imported order, kept beside the order (a table of its own, so the
        // repair order record and its many writers stay as they are). Unique: a re-import matches by it.
        // NOCASE: clerks type `ro-2019-001` for `RO-2019-001`.
        migrator.registerMigration("history-1-external-number") { db in
            try db.execute(sql: """
                CREATE TABLE repair_order_external (
                    repair_order_id INTEGER PRIMARY KEY REFERENCES repair_order(id) ON DELETE CASCADE,
                    external_number TEXT NOT NULL COLLATE NOCASE UNIQUE
                ) STRICT;
                """)
        }
        // A reading out of line with the rest of its car's history (an old system's typo): kept, shown,
        // but never taken as the car's last reading (check-in's mileage rule, the maintenance forecast).
        migrator.registerMigration("history-2-suspect-reading") { db in
            try db.execute(sql: """
                ALTER TABLE mileage_reading ADD COLUMN is_suspect INTEGER NOT NULL DEFAULT 0 CHECK (is_suspect IN (0, 1))
                """)
        }
    }
}
