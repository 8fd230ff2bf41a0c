import GRDB

extension Schema {
    /// Migrations added by branch settle (issue 17: settlement), registered last in `Schema.migrator`.
    /// Append only.
    static func registerSettleMigrations(_ migrator: inout DatabaseMigrator) {
        // The shop's labour catalogue (imported from CSV): standard hours per operation, in hundredths.
        migrator.registerMigration("settle-1-labour-catalogue") { db in
            try db.execute(sql: """
                CREATE TABLE labour_operation (
                    code TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    labour_type TEXT NOT NULL DEFAULT '',
                    standard_hundredths INTEGER NOT NULL CHECK (standard_hundredths >= 0),
                    version INTEGER NOT NULL DEFAULT 0
                ) STRICT;
                """)
        }
        // What settlement adds to a work line (one row per job that has any), its part lines and the
        // customer's consent to repaired or used parts. A job without a charge row is billed as typed.
        migrator.registerMigration("settle-2-line-extensions") { db in
            try db.execute(sql: """
                CREATE TABLE job_charge (
                    job_id INTEGER PRIMARY KEY REFERENCES job(id) ON DELETE CASCADE,
                    operation_code TEXT NOT NULL DEFAULT '',
                    labour_type TEXT NOT NULL DEFAULT '',
                    rate INTEGER CHECK (rate IS NULL OR rate >= 0),
                    payment_basis TEXT NOT NULL DEFAULT 'customer',
                    claim_number TEXT NOT NULL DEFAULT '',
                    goodwill_approver_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
                    discount INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
                    discount_approver_id INTEGER REFERENCES staff(id) ON DELETE SET NULL
                ) STRICT;
                CREATE TABLE part_line (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    job_id INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
                    number TEXT NOT NULL DEFAULT '',
                    name TEXT NOT NULL,
                    quantity_hundredths INTEGER NOT NULL CHECK (quantity_hundredths > 0),
                    unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
                    kind TEXT NOT NULL,
                    old_part TEXT,
                    fitted_at TEXT
                ) STRICT;
                CREATE INDEX part_line_job ON part_line(job_id);
                CREATE TABLE part_consent (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    part_line_id INTEGER NOT NULL REFERENCES part_line(id) ON DELETE CASCADE,
                    given_by TEXT NOT NULL,
                    method TEXT NOT NULL,
                    recorded_by_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
                    at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX part_consent_part ON part_consent(part_line_id);
                CREATE TABLE order_discount (
                    repair_order_id INTEGER PRIMARY KEY REFERENCES repair_order(id) ON DELETE CASCADE,
                    amount INTEGER NOT NULL CHECK (amount >= 0),
                    approver_id INTEGER REFERENCES staff(id) ON DELETE SET NULL
                ) STRICT;
                """)
        }
        // Settlements: a number per shop day, versions kept. A settled version is never changed or removed
        // (only its is_current flag moves to the correction); the order it bills cannot be deleted.
        migrator.registerMigration("settle-3-settlements") { db in
            try db.execute(sql: """
                CREATE TABLE settlement_sequence (
                    day_key TEXT PRIMARY KEY,
                    last_value INTEGER NOT NULL
                ) STRICT;
                CREATE TABLE settlement (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    repair_order_id INTEGER NOT NULL REFERENCES repair_order(id) ON DELETE RESTRICT,
                    number TEXT NOT NULL,
                    version_no INTEGER NOT NULL CHECK (version_no >= 1),
                    is_current INTEGER NOT NULL CHECK (is_current IN (0, 1)),
                    lines_json TEXT NOT NULL,
                    order_discount INTEGER NOT NULL,
                    customer_pays INTEGER NOT NULL,
                    total INTEGER NOT NULL,
                    reason TEXT NOT NULL DEFAULT '',
                    settled_by_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
                    settled_at TEXT NOT NULL,
                    UNIQUE (repair_order_id, version_no)
                ) STRICT;
                CREATE UNIQUE INDEX settlement_current ON settlement(repair_order_id) WHERE is_current = 1;
                CREATE INDEX settlement_number ON settlement(number);
                CREATE TRIGGER settlement_kept_as_settled BEFORE UPDATE OF repair_order_id, number, version_no,
                    lines_json, order_discount, customer_pays, total, reason, settled_by_id, settled_at ON settlement
                BEGIN SELECT RAISE(ABORT, 'a settled version is kept as it was; correct it with a new version'); END;
                CREATE TRIGGER settlement_never_deleted BEFORE DELETE ON settlement
                BEGIN SELECT RAISE(ABORT, 'settlements are kept'); END;
                -- While an order has a current settlement its lines are frozen (a correction first retires it).
                CREATE TRIGGER part_line_frozen_insert BEFORE INSERT ON part_line
                WHEN EXISTS (SELECT 1 FROM settlement s JOIN job j ON j.repair_order_id = s.repair_order_id
                             WHERE j.id = NEW.job_id AND s.is_current = 1)
                BEGIN SELECT RAISE(ABORT, 'the order is settled; its lines are frozen'); END;
                CREATE TRIGGER part_line_frozen_update BEFORE UPDATE OF job_id, number, name, quantity_hundredths,
                    unit_price, kind ON part_line
                WHEN EXISTS (SELECT 1 FROM settlement s JOIN job j ON j.repair_order_id = s.repair_order_id
                             WHERE j.id = OLD.job_id AND s.is_current = 1)
                BEGIN SELECT RAISE(ABORT, 'the order is settled; its lines are frozen'); END;
                CREATE TRIGGER job_charge_frozen BEFORE UPDATE ON job_charge
                WHEN EXISTS (SELECT 1 FROM settlement s JOIN job j ON j.repair_order_id = s.repair_order_id
                             WHERE j.id = OLD.job_id AND s.is_current = 1)
                BEGIN SELECT RAISE(ABORT, 'the order is settled; its lines are frozen'); END;
                CREATE TRIGGER job_frozen BEFORE UPDATE OF labour, parts, labour_hours ON job
                WHEN EXISTS (SELECT 1 FROM settlement s WHERE s.repair_order_id = OLD.repair_order_id AND s.is_current = 1)
                BEGIN SELECT RAISE(ABORT, 'the order is settled; its lines are frozen'); END;
                CREATE TRIGGER job_frozen_insert BEFORE INSERT ON job
                WHEN EXISTS (SELECT 1 FROM settlement s WHERE s.repair_order_id = NEW.repair_order_id AND s.is_current = 1)
                BEGIN SELECT RAISE(ABORT, 'the order is settled; its lines are frozen'); END;
                """)
        }
        // Which settlement versions went out in an archive export (the health-archive upload): a correction is
        // a new version, so it is pending again.
        migrator.registerMigration("settle-4-archive-export") { db in
            try db.execute(sql: """
                CREATE TABLE archive_export (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    settlement_id INTEGER NOT NULL REFERENCES settlement(id) ON DELETE RESTRICT,
                    exported_at TEXT NOT NULL,
                    file_name TEXT NOT NULL,
                    operator_id INTEGER REFERENCES staff(id) ON DELETE SET NULL
                ) STRICT;
                CREATE INDEX archive_export_settlement ON archive_export(settlement_id);
                CREATE INDEX settlement_settled_at ON settlement(settled_at);
                """)
        }
    }
}
