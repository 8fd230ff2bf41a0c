import Foundation
import GRDB
import ServiceDomain

/// Who is making a change; written into every audit row.
public struct Operator: Sendable, Equatable {
    public var staffID: Int64?
    public var name: String

    public init(staffID: Int64?, name: String) {
        self.staffID = staffID
        self.name = name
    }
}

/// The one place that reads and writes the SQLite file. Every write runs in a single transaction
/// and appends an audit row; every editable row is protected by its `version`.
public final class AppDatabase: Sendable {
    /// The database file.
    public let path: String
    /// The shop's time zone: used for the times shown in messages and for dates in CSV files.
    public let timeZone: TimeZone
    let dbPool: DatabasePool
    /// `PRAGMA data_version` is per connection, so polling needs one connection kept open for good.
    private let versionConnection: DatabaseQueue
    /// This process's place on the shop's lock file (see `ShopLock`): a restore waits for it to go.
    private let shopLock: ShopLock?
    /// True when opened by `openReadOnly`: nothing is ever written through it.
    public let isReadOnly: Bool

    public static let busyTimeout: TimeInterval = 5

    init(path: String, timeZone: TimeZone, dbPool: DatabasePool, versionConnection: DatabaseQueue,
                 shopLock: ShopLock?, isReadOnly: Bool = false) {
        self.path = path
        self.timeZone = timeZone
        self.dbPool = dbPool
        self.versionConnection = versionConnection
        self.shopLock = shopLock
        self.isReadOnly = isReadOnly
    }

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// A file that is not an SQLite database, is damaged, read-only or locked is refused with a
    /// `StoreError` and left as it was.
    /// `willUpgrade` is called before an existing file's schema is brought up to date (the long steps run in
    /// short transactions, `SchemaUpgrade`, but ten years of data still take a while, so say so; another
    /// terminal upgrading the same file is waited for, up to two minutes).
    public static func open(path: String, timeZone: TimeZone = .current, willUpgrade: (() -> Void)? = nil) throws
        -> AppDatabase {
        try open(path: path, timeZone: timeZone, busyTimeout: busyTimeout, willUpgrade: willUpgrade)
    }

    /// `busyTimeout` is a parameter only so that tests of the "locked" refusal stay fast.
    /// `joinShop: false` only for the restore, which holds the shop's lock exclusively itself.
    static func open(path: String, timeZone: TimeZone, busyTimeout: TimeInterval,
                     willUpgrade: (() -> Void)? = nil, joinShop: Bool = true) throws -> AppDatabase {
        let path = (path as NSString).expandingTildeInPath
        let existing = try OpenPreflight.prepare(path: path)
        // Read-only first, decide, and only then open for writing (a refused file stays untouched, and
        // gets no lock file beside it either).
        if existing {
            try OpenPreflight.verifyReadable(path: path, busyTimeout: busyTimeout)
        }
        let lock = joinShop ? try ShopLock.shared(database: path, timeout: busyTimeout) : nil
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(readOnly: false, busyTimeout: busyTimeout))
            let migrator = Schema.migrator
            if try !pool.read({ try migrator.hasCompletedMigrations($0) }) {
                if existing { willUpgrade?() }
                // One process upgrades at a time (the others wait here, then find nothing left to do), and
                // the long steps run in short transactions that terminals of the old version interleave with.
                func upgrade() throws {
                    if existing { try SchemaUpgrade.run(pool, migrator: migrator) } else { try migrator.migrate(pool) }
                }
                if let lock {
                    try lock.upgrading(database: path, timeout: max(busyTimeout * 24, 1)) { try upgrade() }
                } else {
                    try upgrade()
                }
            }
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StoreError.newerSchema(path: path)
            }
            let versionConnection = try versionConnection(path: path, busyTimeout: busyTimeout)
            return AppDatabase(path: path, timeZone: timeZone, dbPool: pool, versionConnection: versionConnection,
                               shopLock: lock)
        } catch {
            throw OpenPreflight.translate(error, path: path)
        }
    }

    /// `ADVISOR_DB` if set, else `$XDG_DATA_HOME/advisor/advisor.db`, else `~/.local/share/advisor/advisor.db`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let explicit = environment["ADVISOR_DB"], !explicit.isEmpty {
            return (explicit as NSString).expandingTildeInPath
        }
        // The XDG spec says relative values are invalid and must be ignored.
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("advisor/advisor.db")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/advisor/advisor.db")
    }

    /// Changes whenever another connection (this process's writer or another terminal) commits.
    /// Poll it on the UI tick and reload when it differs from the last value.
    public func dataVersion() throws -> Int {
        try versionConnection.inDatabase { db in
            try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
        }
    }

    /// Closes every connection (checkpointing the WAL into the file). Any later call fails.
    /// Every command closes its database before it exits, so that a copy of the `.db` file alone,
    /// taken afterwards, holds everything (the README still says `advisor backup`, not `cp`, while
    /// terminals are open: their writes may be in the WAL).
    public func close() throws {
        defer { shopLock?.release() }
        if !isReadOnly {
            // PASSIVE never waits for another terminal; the last connection's close checkpoints the rest.
            _ = try? dbPool.writeWithoutTransaction { db in
                try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
            }
        }
        try versionConnection.close()
        try dbPool.close()
    }

    /// Every write goes through here: one IMMEDIATE transaction, rolled back if `updates` throws.
    /// Waiting longer than the busy timeout for another terminal's write becomes `StoreError.locked`.
    /// Called inside another write (a business action of `ServiceDesk` made of several steps), the step
    /// joins the outer transaction in a savepoint: the action commits all its steps or none.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        // Disk full, read-only, file gone, locked: the user sees what happened and that nothing was saved.
        do {
            return try dbPool.unsafeReentrantWrite { db in
                var result: T?
                if db.isInsideTransaction {
                    try db.inSavepoint {
                        result = try updates(db)
                        return .commit
                    }
                } else {
                    try db.inTransaction {
                        result = try updates(db)
                        return .commit
                    }
                }
                return result!
            }
        } catch { throw userFacing(error) }
    }

    /// `yyyy-MM-dd HH:mm` in the shop's time zone, for messages.
    func displayTime(_ date: Date) -> String {
        StoreTime.minuteText(date, timeZone: timeZone)
    }
}

enum StoreTime {
    static func minuteText(_ date: Date, timeZone: TimeZone) -> String { ShopTime.dateTime(date, timeZone) }

    static func dayText(_ date: Date, timeZone: TimeZone) -> String { ShopTime.date(date, timeZone) }

    /// Parses `yyyy-MM-dd` as midnight in `timeZone`; nil when malformed or not a real day.
    static func parseDay(_ text: String, timeZone: TimeZone) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        let calendar = ShopCalendar.calendar(timeZone)
        let components = DateComponents(year: y, month: m, day: d)
        guard let date = calendar.date(from: components) else { return nil }
        // Reject 2024-02-30 and the like, which Calendar would roll over.
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == y, back.month == m, back.day == d else { return nil }
        return date
    }
}

extension AppDatabase {
    /// The connections' settings, for the writer's pool and for read-only opens alike.
    static func configuration(readOnly: Bool, busyTimeout: TimeInterval) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.label = readOnly ? "advisor.readonly" : "advisor"
        // 8 MB of pages per connection instead of SQLite's 2 MB: with ten years of data a search's
        // hits are spread over the file, and a page found in the cache costs no read (the benchmark's
        // per-keystroke p99 at the large size went from 25 to 14 ms).
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -8000") }
        return config
    }

    /// The small read-only connection that polls `PRAGMA data_version` for other terminals' commits.
    static func versionConnection(path: String, busyTimeout: TimeInterval) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "advisor.data_version"
        return try DatabaseQueue(path: path, configuration: config)
    }
}
