import Foundation
import GRDB
import ServiceDomain

/// For the benchmark (`advisor-bench --only migration`): an old file made from a generated shop, and how
/// long each upgrade step holds the write lock, as GRDB's migrator alone runs it (one transaction per
/// step, as shipped before batching) and as `AppDatabase.open` runs it now (`SchemaUpgrade`).
public enum MigrationTiming {
    public struct Step: Sendable {
        public var identifier: String
        /// The longest single transaction of the step: what a terminal beside it waits at most.
        public var longestHold: TimeInterval
        /// All of its transactions together.
        public var totalHold: TimeInterval
        public var transactions: Int
    }

    /// The oldest schema a shop can have (`v1`), holding `source`'s rows (the columns v1 has), in the state
    /// the old versions stored them. `worstCase` also stores what the data migrations repair as the old
    /// versions did for every row: purchase and warranty dates as instants (GRDB's UTC text of midnight in
    /// the shop's zone), every work line at ¥0 (the estimate never reached the lines) and no advisor on any
    /// order. Without it only the dates are old (they cannot be read otherwise).
    public static func makeOldCopy(of source: String, at copy: String, worstCase: Bool = true) throws {
        try? FileManager.default.removeItem(atPath: copy)
        let queue = try DatabaseQueue(path: copy)
        defer { try? queue.close() }
        try Schema.migrator.migrate(queue, upTo: "v1")
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [source])
            try db.inTransaction {
                // The search triggers would rebuild documents row by row; the index is filled once below.
                let triggers = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'")
                for name in triggers { try db.execute(sql: "DROP TRIGGER \(name)") }
                let tables = try String.fetchAll(db, sql: """
                    SELECT name FROM main.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
                      AND name NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
                    """)
                try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                for table in tables {
                    let columns = try Row.fetchAll(db, sql: "PRAGMA main.table_info(\(table))")
                        .map { "\"\($0["name"] as String)\"" }.joined(separator: ", ")
                    try db.execute(sql: "INSERT INTO main.\(table) (\(columns)) SELECT \(columns) FROM source.\(table)")
                }
                try db.execute(sql: "DELETE FROM main.sqlite_sequence")
                try db.execute(sql: "INSERT INTO main.sqlite_sequence SELECT * FROM source.sqlite_sequence WHERE name IN (\(tables.map { "'\($0)'" }.joined(separator: ", ")))")
                try db.execute(sql: SearchIndexSchema.insert(customer: "c.id"))
                try db.execute(sql: SearchIndexSchema.triggers(SearchIndexSchema.refreshV1))
                return .commit
            }
            try db.execute(sql: "DETACH DATABASE source")
            try db.inTransaction {
                let zoneID = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'shop.timezone'")
                let zone = zoneID.flatMap(TimeZone.init(identifier:)) ?? .current
                for column in ["purchase_date", "warranty_end_date"] {
                    let rows = try Row.fetchAll(db, sql: "SELECT id, \(column) AS day FROM vehicle WHERE \(column) IS NOT NULL")
                    let update = try db.makeStatement(sql: "UPDATE vehicle SET \(column) = ? WHERE id = ?")
                    for row in rows {
                        let text: String = row["day"]
                        guard let day = CalendarDate(iso: text) else { continue }
                        try update.execute(arguments: [day.start(in: zone).databaseValue, row["id"] as Int64])
                    }
                }
                if worstCase {
                    try db.execute(sql: "UPDATE job SET labour = 0, parts = 0")
                    try db.execute(sql: "UPDATE repair_order SET advisor_id = NULL")
                }
                return .commit
            }
        }
    }

    /// Upgrades `path` with GRDB's migrator one step at a time, as every version before the batched upgrade
    /// did; each step is one transaction (with the whole-file foreign key check GRDB runs at its end).
    public static func upgradeStepByStep(path: String) throws -> [Step] {
        let pool = try DatabasePool(path: path, configuration: AppDatabase.configuration(readOnly: false, busyTimeout: 5))
        defer { try? pool.close() }
        let migrator = Schema.migratorCheckingWholeFile
        let applied = try pool.read { try migrator.appliedIdentifiers($0) }
        var steps: [Step] = []
        for identifier in migrator.migrations where !applied.contains(identifier) {
            let started = Date()
            try migrator.migrate(pool, upTo: identifier)
            let held = Date().timeIntervalSince(started)
            steps.append(Step(identifier: identifier, longestHold: held, totalHold: held, transactions: 1))
        }
        return steps
    }

    /// Upgrades `path` as `AppDatabase.open` does now.
    public static func upgradeBatched(path: String) throws -> [Step] {
        let pool = try DatabasePool(path: path, configuration: AppDatabase.configuration(readOnly: false, busyTimeout: 5))
        defer { try? pool.close() }
        var steps: [Step] = []
        try SchemaUpgrade.run(pool) { report in
            steps.append(Step(identifier: report.identifier, longestHold: report.stats.longestHold,
                              totalHold: report.stats.totalHold, transactions: report.stats.batches))
        }
        return steps
    }

    /// How long a whole-file `PRAGMA foreign_key_check` takes on `path` (GRDB runs one inside each step's
    /// transaction unless told otherwise).
    public static func foreignKeyCheck(path: String) throws -> TimeInterval {
        let queue = try DatabaseQueue(path: path, configuration: AppDatabase.configuration(readOnly: true, busyTimeout: 5))
        defer { try? queue.close() }
        let started = Date()
        _ = try queue.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }
        return Date().timeIntervalSince(started)
    }
}
