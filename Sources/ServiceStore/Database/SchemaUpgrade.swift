import Foundation
import GRDB
import ServiceDomain

/// Brings an existing file's schema up to date without holding the write lock for long.
///
/// GRDB's migrator runs each migration as one transaction. For the steps that only change the schema
/// (add a column, create an index) that is short; the three that rewrite or derive data from every row
/// held the lock for seconds on ten years of data (measured by `advisor-bench --only migration`), past the
/// 5 s other terminals wait for it. Those three run here in short transactions first (`BatchApply`):
///
/// - `desk-import-1-calendar-dates`: the dates are converted an id range at a time, with the migration's own
///   conversion; the frozen migration then runs as shipped and finds (almost) nothing left to convert.
/// - `desk-order-1-work-lines-approval-advisor`: its three columns are added, the orders are repaired an id
///   range at a time by the migration's own repair functions, and the migration is recorded as applied.
/// - `search-1-short-substrings`: the table, its triggers and the numbers table are created exactly as the
///   migration creates them, the table is filled a customer range at a time, and the migration is recorded.
///
/// The frozen history stays valid: GRDB knows a migration by its identifier in `grdb_migrations`, and the
/// batched run leaves the file exactly as the frozen closure would (same DDL text, same rows; tests compare
/// the two on one file). Every migration still runs in its registered order, one at a time. A file that
/// already has a migration applied never sees its batched form. The frozen closures are unchanged and are
/// what `Schema.migrator.migrate` still runs (a new file, tests that build old files).
///
/// While the steps run, the file is not yet recorded as upgraded, so another process of this version waits
/// for the shop's upgrade lock (`ShopLock.upgrading`) rather than reading a half-made schema; processes of
/// the older version still open keep working: every batch is short and leaves the lock free between. A
/// process killed half way leaves the work done so far (each batch is committed) and where it got to
/// (`batch_progress`); the next open goes on from there. Each batched body is idempotent for its range.
enum SchemaUpgrade {
    /// What each step cost: longest and total time holding the write lock, for the benchmark.
    typealias StepReport = (identifier: String, stats: BatchStats)

    static let calendarDates = "desk-import-1-calendar-dates"
    static let deskOrder = "desk-order-1-work-lines-approval-advisor"
    static let shortSearch = "search-1-short-substrings"

    /// Ids per transaction. Dates and orders are repaired row by row (an order is up to five statements and
    /// two audit rows); the short-search fill is one statement that writes about 20 rows per customer
    /// (about 0.6 ms a customer). Measured in a debug build on a loaded machine (the slowest case) each
    /// keeps a transaction well under a second.
    static let vehiclesPerBatch = 300
    static let ordersPerBatch = 100
    static let customersPerBatch = 300

    /// Runs every pending migration of `migrator` in order, the batched ones batched.
    /// `rangeRows` overrides every step's rows per transaction (tests use a handful to make many batches).
    static func run(_ writer: any DatabaseWriter, migrator: DatabaseMigrator = Schema.migrator,
                    rangeRows: Int? = nil,
                    report: ((StepReport) -> Void)? = nil) throws {
        let applied = try writer.read { db -> Set<String> in
            try db.tableExists("grdb_migrations") ? try migrator.appliedIdentifiers(db) : []
        }
        for identifier in migrator.migrations where !applied.contains(identifier) {
            var stats = BatchStats()
            switch identifier {
            case calendarDates:
                stats = try convertCalendarDates(writer, rows: rangeRows ?? vehiclesPerBatch)
            case deskOrder:
                let batched = try repairDeskOrders(writer, rows: rangeRows ?? ordersPerBatch)
                report?((identifier, batched))
                continue
            case shortSearch:
                let batched = try fillShortSearch(writer, rows: rangeRows ?? customersPerBatch)
                report?((identifier, batched))
                continue
            default:
                break
            }
            let started = Date()
            try migrator.migrate(writer, upTo: identifier)
            stats.record(Date().timeIntervalSince(started))
            report?((identifier, stats))
        }
        // Progress of steps now applied (a kill between a step's last batch and its record, or the
        // calendar dates, whose record is the frozen migration's own): forgotten.
        try writer.write { db in
            guard try db.tableExists(BatchApply.progressTable) else { return }
            let applied = try migrator.appliedIdentifiers(db)
            for job in try String.fetchAll(db, sql: "SELECT job FROM \(BatchApply.progressTable)")
            where applied.contains(job) {
                try BatchApply.finish(db, job: job)
            }
        }
    }

    // MARK: desk-import-1

    /// `desk-import-1-calendar-dates`' conversion, an id range of vehicles at a time (the migration's own
    /// rule: the day the stored instant falls on in the shop's zone; a value that was never a date cleared).
    static func convertCalendarDates(_ writer: any DatabaseWriter, rows: Int) throws -> BatchStats {
        try BatchApply.overIDs(writer, job: calendarDates, table: "vehicle", rows: rows) { db, range in
            let zoneID = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'shop.timezone'")
            let zone = zoneID.flatMap(TimeZone.init(identifier:)) ?? .current
            for column in ["purchase_date", "warranty_end_date"] {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, \(column) AS value FROM vehicle
                    WHERE id BETWEEN ? AND ? AND \(column) IS NOT NULL AND length(\(column)) <> 10
                    """, arguments: [range.lowerBound, range.upperBound])
                for row in rows {
                    let id: Int64 = row["id"]
                    let value: DatabaseValue = row["value"]
                    let day = Date.fromDatabaseValue(value).map { CalendarDate($0, in: zone) }
                    try db.execute(sql: "UPDATE vehicle SET \(column) = ? WHERE id = ?", arguments: [day?.text, id])
                }
            }
        }
        // The frozen migration then runs as shipped (in `run`): it converts what a terminal of the old
        // version saved meanwhile, and records itself.
    }

    // MARK: desk-order-1

    /// The migration's three columns (its own statement, skipped when a killed run already added them),
    /// its two repairs an order range at a time, then its record, in one short transaction with the repairs
    /// of any order saved since the ranges were fixed.
    static func repairDeskOrders(_ writer: any DatabaseWriter, rows: Int) throws -> BatchStats {
        var stats = BatchStats()
        stats.record(try BatchApply.paced {
            try writer.write { db in
                guard try !db.columns(in: "job").contains(where: { $0.name == "approval_method" }) else { return }
                try db.execute(sql: """
                    ALTER TABLE job ADD COLUMN approval_method TEXT
                        CHECK (approval_method IS NULL OR approval_method IN ('inPerson', 'phone', 'message'));
                    ALTER TABLE job ADD COLUMN decided_by_id INTEGER REFERENCES staff(id) ON DELETE SET NULL;
                    ALTER TABLE job ADD COLUMN decided_at TEXT;
                    """)
            }
        })
        let op = Operator(staffID: nil, name: "migration desk-order-1")
        let now = Date()
        let batches = try BatchApply.overIDs(writer, job: deskOrder, table: "repair_order", rows: rows) { db, range in
            try DeskOrderRepair.estimateToLines(db, operator: op, now: now, ids: range)
            try DeskOrderRepair.advisorFromCheckIn(db, operator: op, now: now, ids: range)
        }
        stats.batches += batches.batches
        stats.totalHold += batches.totalHold
        stats.longestHold = max(stats.longestHold, batches.longestHold)
        stats.record(try BatchApply.paced {
            try writer.write { db in
                let last = try Int64.fetchOne(db, sql: "SELECT last_id FROM \(BatchApply.progressTable) WHERE job = ?",
                                              arguments: [deskOrder]) ?? 0
                let since = (last + 1)...Int64.max
                try DeskOrderRepair.estimateToLines(db, operator: op, now: now, ids: since)
                try DeskOrderRepair.advisorFromCheckIn(db, operator: op, now: now, ids: since)
                try record(db, deskOrder)
            }
        })
        return stats
    }

    // MARK: search-1

    /// The migration's table, triggers and numbers table (its own statements, skipped when a killed run
    /// already made them), then its fill a customer range at a time. The triggers exist from the first
    /// transaction, so a customer saved meanwhile is indexed by them; each range deletes and re-inserts its
    /// customers' rows, so a customer indexed both ways is indexed once.
    static func fillShortSearch(_ writer: any DatabaseWriter, rows: Int) throws -> BatchStats {
        var stats = BatchStats()
        stats.record(try BatchApply.paced {
            try writer.write { db in
                guard try !db.tableExists("search_short") else { return }
                try db.execute(sql: ShortSearchSchema.create)
            }
        })
        let batches = try BatchApply.overIDs(writer, job: shortSearch, table: "customer", rows: rows) { db, range in
            try db.execute(sql: "DELETE FROM search_short WHERE customer_id BETWEEN ? AND ?",
                           arguments: [range.lowerBound, range.upperBound])
            try db.execute(sql: ShortSearchSchema.insert(where: "c.id BETWEEN \(range.lowerBound) AND \(range.upperBound) AND"))
        }
        stats.batches += batches.batches
        stats.totalHold += batches.totalHold
        stats.longestHold = max(stats.longestHold, batches.longestHold)
        stats.record(try BatchApply.paced { try writer.write { db in try record(db, shortSearch) } })
        return stats
    }

    /// Records `identifier` as applied, as GRDB's migrator does, and forgets its progress.
    private static func record(_ db: Database, _ identifier: String) throws {
        try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier])
        try BatchApply.finish(db, job: identifier)
    }
}
