import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a batched write went: for the benchmark and for a caller's progress line.
public struct BatchStats: Sendable, Equatable {
    /// Transactions committed.
    public var batches = 0
    /// The longest time one transaction held the write lock.
    public var longestHold: TimeInterval = 0
    /// All transactions' hold times together (the pauses between them not counted).
    public var totalHold: TimeInterval = 0

    public init() {}

    mutating func record(_ held: TimeInterval) {
        batches += 1
        longestHold = Swift.max(longestHold, held)
        totalHold += held
    }
}

/// Long writes (imports, history imports, the data part of an upgrade) as many short transactions that
/// other terminals' saves interleave with, instead of one that holds the write lock past their 5 s busy
/// timeout. Two shapes:
///
/// - `AppDatabase.applyInBatches(_:rows:_:)`: rows already checked against one snapshot (staged), written a
///   chunk per transaction. The caller keeps what it needs to take the written chunks back if a later
///   chunk fails (see `applyImport`'s undo), so the import stays all or nothing to the user.
/// - `BatchApply.overIDs(_:job:table:rows:_:)`: one statement (or a few) over every row of a table, run an
///   id range per transaction and resumable: the last range done is stored in `batch_progress`, so a
///   process killed half way goes on from there. The body must be idempotent for a range (a range may run
///   twice: once before a kill, once after), e.g. "convert the rows not yet converted" or
///   "delete then re-insert this range's derived rows".
///
/// After every transaction the write lock stays free for as long as the transaction held it (20 ms to
/// 0.5 s): SQLite's busy handler retries at growing intervals (up to 100 ms), and a writer that begins its
/// next transaction the instant the last one commits still starves every other terminal.
public enum BatchApply {
    /// Rows per transaction for row-by-row work (about 1 ms a row with the search triggers, several times
    /// that on a loaded machine: well under a second per transaction even then).
    public static let defaultRows = 200
    /// Rows per transaction for set-based statements over a table (an UPDATE or INSERT … SELECT of an id
    /// range), which cost a few microseconds a row.
    public static let defaultRangeRows = 5_000

    /// Runs `body` in a write transaction, then sleeps as long as it held the lock (bounded), so others get
    /// the lock between two batches. Returns how long the transaction took.
    @discardableResult
    static func paced(_ transaction: () throws -> Void) throws -> TimeInterval {
        let started = Date()
        try transaction()
        let held = Date().timeIntervalSince(started)
        usleep(UInt32(Swift.min(Swift.max(held, 0.02), 0.5) * 1_000_000))
        return held
    }

    /// The table keeping where a resumable job got to; created by the first job, dropped when the last
    /// finishes, so a finished file has no trace of it.
    static let progressTable = "batch_progress"

    /// Runs `body(db, range)` over the ids of `table` from the first to the one that was last when the job
    /// started (rows added later are the concern of whoever added them, e.g. a trigger), `rows` ids per
    /// transaction, each transaction also storing the range done. A job already finished (no progress row
    /// and `isDone` true) does nothing. `writer` is the shop's pool (or a queue in tests).
    @discardableResult
    public static func overIDs(_ writer: any DatabaseWriter, job: String, table: String,
                               rows: Int = defaultRangeRows,
                               _ body: (Database, ClosedRange<Int64>) throws -> Void) throws -> BatchStats {
        var stats = BatchStats()
        // Where to start and where to stop are fixed once, in the first transaction, and stored.
        var next: Int64 = 0
        var last: Int64 = 0
        stats.record(try paced {
            try writer.write { db in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS \(progressTable) (
                        job TEXT PRIMARY KEY NOT NULL, next_id INTEGER NOT NULL, last_id INTEGER NOT NULL)
                    """)
                if let row = try Row.fetchOne(db, sql: "SELECT next_id, last_id FROM \(progressTable) WHERE job = ?",
                                              arguments: [job]) {
                    next = row["next_id"]
                    last = row["last_id"]
                } else {
                    next = try Int64.fetchOne(db, sql: "SELECT MIN(rowid) FROM \(table)") ?? 1
                    last = try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM \(table)") ?? 0
                    try db.execute(sql: "INSERT INTO \(progressTable) (job, next_id, last_id) VALUES (?, ?, ?)",
                                   arguments: [job, next, last])
                }
            }
        })
        let step = Int64(Swift.max(rows, 1))
        while next <= last {
            let range = next...Swift.min(next + step - 1, last)
            stats.record(try paced {
                try writer.write { db in
                    try body(db, range)
                    try db.execute(sql: "UPDATE \(progressTable) SET next_id = ? WHERE job = ?",
                                   arguments: [range.upperBound + 1, job])
                }
            })
            next = range.upperBound + 1
        }
        return stats
    }

    /// Forgets `job`'s progress (its work is done and recorded elsewhere, e.g. as an applied migration);
    /// drops the progress table when no job is left. Run it inside the transaction that records the result.
    public static func finish(_ db: Database, job: String) throws {
        guard try db.tableExists(progressTable) else { return }
        try db.execute(sql: "DELETE FROM \(progressTable) WHERE job = ?", arguments: [job])
        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(progressTable)") == 0 {
            try db.execute(sql: "DROP TABLE \(progressTable)")
        }
    }
}

extension AppDatabase {
    /// Writes staged `items` a chunk of `rows` per transaction (`body` gets the transaction and the chunk),
    /// pausing between chunks so terminals' saves get in. A chunk that throws is rolled back whole and the
    /// error is rethrown as the user should see it; chunks before it stay written, so keep what you need to
    /// take them back (ids, previous versions) from inside `body`. For a history import: check every row
    /// against one snapshot first, reserve ids if rows refer to each other, then apply with this.
    @discardableResult
    public func applyInBatches<Item>(_ items: [Item], rows: Int = BatchApply.defaultRows,
                                     _ body: (Database, ArraySlice<Item>) throws -> Void) throws -> BatchStats {
        var stats = BatchStats()
        for chunk in items.chunked(rows) {
            stats.record(try BatchApply.paced { try write { db in try body(db, chunk) } })
        }
        return stats
    }
}
