import GRDB

/// The frozen list of migrations. Append new ones; never edit a shipped one.
///
/// Conventions: times are UTC text in GRDB's format (`yyyy-MM-dd HH:mm:ss.SSS`), money is INTEGER fen,
/// booleans are 0/1, enums are their Swift raw values, every editable table has `version`.
enum Schema {
    ///
    /// No whole-file foreign key check per step: GRDB's default ends every migration's transaction with
    /// `PRAGMA foreign_key_check` over the whole file, which on ten years of data held the write lock for
    /// seconds on every step, even one that adds a column (`advisor-bench --only migration`). No migration here
    /// rebuilds a table (the case that check exists for); a new one that writes rows runs its writes in
    /// `SchemaUpgrade` (checked as they are written) or checks its own tables with `db.checkForeignKeys(in:)`.
    /// GRDB knows migrations by identifier only, so this changes no applied history.
    static var migrator: DatabaseMigrator { registered(DatabaseMigrator().disablingDeferredForeignKeyChecks()) }

    /// The migrator as shipped before: a whole-file foreign key check at the end of every step. For the
    /// benchmark's "before" figures only.
    static var migratorCheckingWholeFile: DatabaseMigrator { registered(DatabaseMigrator()) }

    private static func registered(_ empty: DatabaseMigrator) -> DatabaseMigrator {
        var migrator = empty
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1Tables)
            try db.execute(sql: v1Indexes)
            try db.execute(sql: SearchIndexSchema.v1)
        }
        // Later migrations, each feature in its own file, in this fixed order (append only).
        registerReceptionMigrations(&migrator)
        registerWorkshopMigrations(&migrator)
        registerTrustMigrations(&migrator)
        registerSearchMigrations(&migrator)
        registerPanelMigrations(&migrator)
        registerFollowUpMigrations(&migrator)
        registerDeskTimesMigrations(&migrator)
        registerDeskOrderMigrations(&migrator)
        registerIdentityMigrations(&migrator)
        registerDeskImportMigrations(&migrator)
        registerGapsMigrations(&migrator)
        registerSettleMigrations(&migrator)
        registerHistoryMigrations(&migrator)
        return migrator
    }

    static let v1Tables = """
        CREATE TABLE customer (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            is_out_of_warranty_owner INTEGER NOT NULL DEFAULT 0 CHECK (is_out_of_warranty_owner IN (0, 1)),
            is_used_car_owner INTEGER NOT NULL DEFAULT 0 CHECK (is_used_car_owner IN (0, 1)),
            contact_preference TEXT NOT NULL DEFAULT 'phone',
            preferred_call_time TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE TABLE customer_phone (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
            phone TEXT NOT NULL,
            position INTEGER NOT NULL,
            UNIQUE (customer_id, position)
        ) STRICT;
        CREATE TABLE vehicle (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            owner_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE RESTRICT,
            vin TEXT,
            plate TEXT NOT NULL,
            model TEXT NOT NULL DEFAULT '',
            purchase_date TEXT,
            warranty_end_date TEXT,
            warranty_end_km INTEGER,
            -- 0 once the car left the shop's care (sold on, scrapped); its plate may then be reused.
            is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
            version INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE TABLE mileage_reading (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            vehicle_id INTEGER NOT NULL REFERENCES vehicle(id) ON DELETE CASCADE,
            km INTEGER NOT NULL CHECK (km >= 0),
            read_at TEXT NOT NULL,
            source TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE TABLE staff (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            login TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL,
            roles TEXT NOT NULL DEFAULT '',
            skill_level INTEGER NOT NULL DEFAULT 0,
            is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
            pin_hash TEXT,
            version INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE TABLE appointment (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE RESTRICT,
            vehicle_id INTEGER NOT NULL REFERENCES vehicle(id) ON DELETE RESTRICT,
            slot_start TEXT NOT NULL,
            lane TEXT NOT NULL DEFAULT 'regular',
            service_type TEXT NOT NULL,
            concerns TEXT NOT NULL DEFAULT '',
            is_waiter INTEGER NOT NULL DEFAULT 0 CHECK (is_waiter IN (0, 1)),
            status TEXT NOT NULL DEFAULT 'booked',
            capacity_override_reason TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE TABLE repair_order (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            number TEXT NOT NULL UNIQUE,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE RESTRICT,
            vehicle_id INTEGER NOT NULL REFERENCES vehicle(id) ON DELETE RESTRICT,
            advisor_id INTEGER REFERENCES staff(id) ON DELETE RESTRICT,
            appointment_id INTEGER REFERENCES appointment(id) ON DELETE SET NULL,
            service_type TEXT NOT NULL,
            repair_class TEXT NOT NULL,
            stage TEXT NOT NULL,
            opened_at TEXT NOT NULL,
            promised_at TEXT NOT NULL,
            closed_at TEXT,
            mileage_in INTEGER NOT NULL CHECK (mileage_in >= 0),
            fuel_level TEXT NOT NULL,
            is_waiter INTEGER NOT NULL DEFAULT 0 CHECK (is_waiter IN (0, 1)),
            walk_around_notes TEXT NOT NULL DEFAULT '',
            contact_phone TEXT NOT NULL DEFAULT '',
            preferred_callback_time TEXT NOT NULL DEFAULT '',
            estimate_labour INTEGER NOT NULL DEFAULT 0,
            estimate_parts INTEGER NOT NULL DEFAULT 0,
            final_labour INTEGER,
            final_parts INTEGER,
            check_in_seconds INTEGER,
            hold_reason TEXT NOT NULL DEFAULT '',
            cancel_reason TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE TABLE concern (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            repair_order_id INTEGER NOT NULL REFERENCES repair_order(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            category TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE TABLE job (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            repair_order_id INTEGER NOT NULL REFERENCES repair_order(id) ON DELETE CASCADE,
            description TEXT NOT NULL,
            technician_id INTEGER REFERENCES staff(id) ON DELETE RESTRICT,
            status TEXT NOT NULL DEFAULT 'pending',
            is_additional INTEGER NOT NULL DEFAULT 0 CHECK (is_additional IN (0, 1)),
            labour INTEGER NOT NULL DEFAULT 0,
            parts INTEGER NOT NULL DEFAULT 0,
            labour_hours REAL NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE TABLE stage_change (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            repair_order_id INTEGER NOT NULL REFERENCES repair_order(id) ON DELETE CASCADE,
            from_stage TEXT,
            to_stage TEXT NOT NULL,
            at TEXT NOT NULL,
            operator_id INTEGER,
            note TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE TABLE callback (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            repair_order_id INTEGER NOT NULL REFERENCES repair_order(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            due_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open',
            attempts INTEGER NOT NULL DEFAULT 0,
            completed_at TEXT,
            next_try_at TEXT,
            satisfaction INTEGER,
            version INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE TABLE call_attempt (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            callback_id INTEGER NOT NULL REFERENCES callback(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            outcome TEXT NOT NULL,
            caller_id INTEGER,
            note TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE TABLE callback_answer (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            callback_id INTEGER NOT NULL REFERENCES callback(id) ON DELETE CASCADE,
            question_key TEXT NOT NULL,
            answer TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 0,
            UNIQUE (callback_id, question_key)
        ) STRICT;
        CREATE TABLE complaint (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE RESTRICT,
            repair_order_id INTEGER REFERENCES repair_order(id) ON DELETE SET NULL,
            category TEXT NOT NULL,
            channel TEXT NOT NULL,
            step TEXT NOT NULL,
            description TEXT NOT NULL,
            owner_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
            opened_at TEXT NOT NULL,
            first_contact_at TEXT,
            resolved_at TEXT,
            closed_at TEXT,
            close_reason TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE TABLE complaint_event (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            complaint_id INTEGER NOT NULL REFERENCES complaint(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            step TEXT NOT NULL,
            operator_id INTEGER,
            note TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE TABLE comeback (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            earlier_repair_order_id INTEGER NOT NULL REFERENCES repair_order(id) ON DELETE CASCADE,
            later_repair_order_id INTEGER REFERENCES repair_order(id) ON DELETE SET NULL,
            source TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'candidate',
            root_cause TEXT,
            responsible_technician_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
            decided_by_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
            decided_at TEXT,
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        -- No foreign key on operator_id: the history must survive the staff row.
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            operator_id INTEGER,
            operator_name TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            detail TEXT NOT NULL DEFAULT '{}'
        ) STRICT;
        CREATE TABLE setting (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE TABLE ro_sequence (
            day_key TEXT PRIMARY KEY NOT NULL,
            last_value INTEGER NOT NULL
        ) STRICT;
        """

    static let v1Indexes = """
        CREATE INDEX customer_phone_phone ON customer_phone(phone);
        CREATE INDEX vehicle_owner ON vehicle(owner_id);
        CREATE UNIQUE INDEX vehicle_active_plate ON vehicle(plate) WHERE is_active = 1;
        CREATE UNIQUE INDEX vehicle_vin ON vehicle(vin) WHERE vin IS NOT NULL;
        CREATE INDEX mileage_reading_vehicle ON mileage_reading(vehicle_id, read_at);
        CREATE UNIQUE INDEX staff_login ON staff(login) WHERE login <> '';
        CREATE INDEX appointment_slot ON appointment(slot_start);
        CREATE INDEX appointment_vehicle ON appointment(vehicle_id);
        CREATE INDEX repair_order_stage ON repair_order(stage);
        CREATE INDEX repair_order_vehicle_opened ON repair_order(vehicle_id, opened_at);
        CREATE INDEX repair_order_customer_opened ON repair_order(customer_id, opened_at);
        CREATE INDEX repair_order_advisor ON repair_order(advisor_id);
        CREATE INDEX repair_order_closed ON repair_order(closed_at);
        CREATE INDEX concern_repair_order ON concern(repair_order_id);
        CREATE INDEX job_repair_order ON job(repair_order_id);
        CREATE INDEX stage_change_repair_order ON stage_change(repair_order_id, at);
        CREATE INDEX callback_due ON callback(due_at);
        CREATE INDEX callback_status ON callback(status);
        CREATE INDEX callback_repair_order ON callback(repair_order_id);
        CREATE INDEX call_attempt_callback ON call_attempt(callback_id);
        CREATE INDEX complaint_customer ON complaint(customer_id);
        CREATE INDEX complaint_step ON complaint(step);
        CREATE INDEX complaint_event_complaint ON complaint_event(complaint_id);
        CREATE INDEX comeback_earlier ON comeback(earlier_repair_order_id);
        CREATE INDEX comeback_later ON comeback(later_repair_order_id);
        CREATE INDEX comeback_status ON comeback(status);
        CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
        CREATE INDEX audit_log_at ON audit_log(at);
        """
}
