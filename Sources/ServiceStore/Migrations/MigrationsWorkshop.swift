import GRDB

extension Schema {
    /// Migrations added by the workshop feature, registered after v1 in `Schema.migrator`.
    /// Append only: never edit one that has shipped.
    static func registerWorkshopMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("workshop-1") { db in
            try db.execute(sql: """
                -- The QC sheet: inspector (name kept as text so the sheet survives staff changes) and result.
                CREATE TABLE quality_check (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    repair_order_id INTEGER NOT NULL REFERENCES repair_order(id) ON DELETE CASCADE,
                    inspector_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
                    inspector_name TEXT NOT NULL,
                    passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
                    at TEXT NOT NULL,
                    note TEXT NOT NULL DEFAULT ''
                ) STRICT;
                CREATE INDEX quality_check_repair_order ON quality_check(repair_order_id, at);
                CREATE TABLE job_assignment (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    job_id INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
                    from_technician_id INTEGER,
                    to_technician_id INTEGER NOT NULL,
                    reason TEXT NOT NULL DEFAULT '',
                    at TEXT NOT NULL,
                    operator_id INTEGER
                ) STRICT;
                CREATE INDEX job_assignment_job ON job_assignment(job_id, at);
                CREATE TABLE delay_notice (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    repair_order_id INTEGER NOT NULL REFERENCES repair_order(id) ON DELETE CASCADE,
                    old_promised_at TEXT NOT NULL,
                    new_promised_at TEXT NOT NULL,
                    at TEXT NOT NULL,
                    operator_id INTEGER,
                    note TEXT NOT NULL DEFAULT ''
                ) STRICT;
                CREATE INDEX delay_notice_repair_order ON delay_notice(repair_order_id, at);
                -- How each checklist item ended at delivery: done, done with a note, or overridden.
                CREATE TABLE delivery_check (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    repair_order_id INTEGER NOT NULL REFERENCES repair_order(id) ON DELETE CASCADE,
                    item_key TEXT NOT NULL,
                    item_label TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('done', 'overridden')),
                    note TEXT NOT NULL DEFAULT '',
                    operator_id INTEGER,
                    at TEXT NOT NULL,
                    UNIQUE (repair_order_id, item_key)
                ) STRICT;
                CREATE INDEX job_technician ON job(technician_id);
                CREATE INDEX repair_order_promised ON repair_order(promised_at);
                """)
        }
    }
}
