import Foundation
import GRDB
import Testing
import ServiceDomain
@testable import ServiceStore

/// The batched upgrade (`SchemaUpgrade`) leaves an old file exactly as GRDB's migrator alone would, goes on
/// after a kill, and never makes a terminal beside it wait past its busy timeout.
@Suite struct SchemaUpgradeTests {
    /// A file at the oldest schema (v1) with `customers` customers (one car each, dates stored as instants the
    /// way v1 did) and `orders` orders whose estimate never reached their ¥0 line, checked in by an advisor.
    static func makeV1File(_ path: String, customers: Int, orders: Int) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v1")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO setting (key, value) VALUES ('shop.timezone', 'Asia/Shanghai');
                INSERT INTO staff (id, login, name, roles) VALUES (1, 'lina', '李娜', 'advisor'), (2, 'chen', '陈小玲', 'reception');
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(customers))
                INSERT INTO customer (id, name) SELECT i, '王' || char(19968 + i % 500) || char(19968 + i % 37) FROM n;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(customers))
                INSERT INTO vehicle (id, owner_id, plate, model, purchase_date, warranty_end_date)
                SELECT i, i, '粤B' || printf('%05d', i), '迈腾',
                       '2021-03-0' || (1 + i % 9) || ' 16:00:00.000', CASE WHEN i % 3 = 0 THEN 'garbage' ELSE NULL END FROM n;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(orders))
                INSERT INTO repair_order (id, number, customer_id, vehicle_id, service_type, repair_class, stage, opened_at,
                    promised_at, mileage_in, fuel_level, estimate_labour, estimate_parts)
                SELECT i, printf('RO-20200101-%06d', i), 1 + i % \(customers), 1 + i % \(customers), 'repair', 'minorRepair',
                       CASE WHEN i % 2 = 0 THEN 'delivered' ELSE 'inProgress' END, '2020-01-01 02:00:00.000',
                       '2020-01-01 05:00:00.000', 100, 'half', 30000, 12000 FROM n;
                INSERT INTO job (repair_order_id, description, status) SELECT id, '保养', 'pending' FROM repair_order WHERE id % 5 <> 0;
                INSERT INTO concern (repair_order_id, text, category) SELECT id, '异响', 'noise' FROM repair_order;
                INSERT INTO audit_log (at, operator_id, operator_name, action, entity, entity_id)
                SELECT '2020-01-01 02:00:00.000', 1 + id % 2, '李娜', 'insert', 'repair_order', id FROM repair_order;
                """)
        }
        // Old versions opened the shop as a WAL pool too.
        _ = try queue.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA journal_mode = WAL") }
        try queue.close()
    }

    /// Everything a file holds that the two upgrades could leave differently (audit times aside: each run
    /// stamps its own).
    static func contents(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            var lines = try String.fetchAll(db, sql: """
                SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name
                """)
            lines += try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            for (table, columns) in [
                ("vehicle", "id, purchase_date, warranty_end_date"),
                ("job", "id, repair_order_id, description, status, labour, parts, version"),
                ("repair_order", "id, advisor_id, final_labour, final_parts, version"),
                ("search_short", "gram, rank, name, customer_id"),
                ("audit_log", "operator_name, action, entity, entity_id, detail"),
            ] {
                let rows = try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(table) ORDER BY \(columns)")
                lines += rows.map { "\(table): \($0)" }
            }
            return lines
        }
    }

    @Test func theBatchedUpgradeLeavesTheFileAsTheMigratorWould() throws {
        let folder = TempFolder()
        let plain = folder.file("plain.db").path
        let batched = folder.file("batched.db").path
        try Self.makeV1File(plain, customers: 300, orders: 900)
        try FileManager.default.copyItem(atPath: plain, toPath: batched)
        let queue = try DatabaseQueue(path: plain)
        try Schema.migrator.migrate(queue)
        try queue.close()
        let pool = try DatabasePool(path: batched)
        var steps: [String] = []
        // Ranges of 7 rows: many batches, ranges that end mid-table.
        try SchemaUpgrade.run(pool, rangeRows: 7) { steps.append($0.identifier) }
        try pool.close()
        #expect(steps == Schema.migrator.migrations.filter { $0 != "v1" })
        let expected = try Self.contents(plain)
        let got = try Self.contents(batched)
        #expect(got.count == expected.count)
        #expect(got == expected)
        // The repairs did something to compare: lines priced, dates converted, advisors found.
        #expect(got.contains { $0.hasPrefix("vehicle: ") && $0.contains("2021-03-02") })
        #expect(got.contains { $0.hasPrefix("audit_log: ") && $0.contains("repairAdvisor") })
        #expect(!got.contains { $0.contains(BatchApply.progressTable) })
    }

    @Test func aKilledUpgradeGoesOnWhereItStopped() throws {
        let folder = TempFolder()
        let plain = folder.file("plain.db").path
        try Self.makeV1File(plain, customers: 200, orders: 50)
        try FileManager.default.createDirectory(atPath: (folder.dbPath as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: plain, toPath: folder.dbPath)
        let queue = try DatabaseQueue(path: plain)
        try Schema.migrator.migrate(queue)
        try queue.close()

        // Killed in the short-search fill, after two ranges of ten customers.
        let pool = try DatabasePool(path: folder.dbPath)
        try Schema.migrator.migrate(pool, upTo: "trust-1-audit-operator-index")
        try pool.write { try $0.execute(sql: ShortSearchSchema.create) }
        struct Killed: Error {}
        var ranges = 0
        var killed = false
        do {
            try BatchApply.overIDs(pool, job: SchemaUpgrade.shortSearch, table: "customer", rows: 10) { db, range in
                ranges += 1
                if ranges == 3 { throw Killed() }
                try db.execute(sql: ShortSearchSchema.insert(where: "c.id BETWEEN \(range.lowerBound) AND \(range.upperBound) AND"))
            }
        } catch is Killed {
            killed = true
        }
        #expect(killed)
        let next = try pool.read { try Int64.fetchOne($0, sql: "SELECT next_id FROM batch_progress") }
        #expect(next == 21)
        try pool.close()

        let db = try Fixture.open(folder)
        #expect(try db.check().isHealthy)
        try db.close()
        #expect(try Self.contents(folder.dbPath) == Self.contents(plain))
    }

    /// An old file (a few thousand orders to repair) upgraded while a terminal of the old version keeps
    /// saving every 20 ms with a 1 s busy timeout, and while a second terminal of this version opens the
    /// same file: no save is refused as "locked", the second open waits for the upgrade instead of running
    /// it a second time, and the customers saved meanwhile are found by the new short search.
    @Test func savesBesideAnUpgradeAreNeverLocked() throws {
        let folder = TempFolder()
        try Self.makeV1File(folder.dbPath, customers: 4_000, orders: 12_000)
        // The file is big enough to matter: upgraded one transaction per step, as before, a step holds the
        // lock longer than the old terminal's busy timeout.
        let copy = folder.file("copy.db").path
        try FileManager.default.copyItem(atPath: folder.dbPath, toPath: copy)
        let stepwise = try MigrationTiming.upgradeStepByStep(path: copy)
        let longest = stepwise.map(\.longestHold).max() ?? 0
        #expect(longest > 1, "longest step \(longest) s: make the file bigger")
        let oldTerminal = try DatabaseQueue(path: folder.dbPath, configuration: {
            var config = Configuration()
            config.busyMode = .timeout(1)
            return config
        }())
        let done = LockedFlag()
        let path = folder.dbPath
        let upgrade = Background.run { () -> Result<Void, any Error> in
            Result { try AppDatabase.open(path: path, timeZone: Fixture.shanghai).close() }
        }
        usleep(100_000)
        let second = Background.run { () -> Result<Void, any Error> in
            Result { try AppDatabase.open(path: path, timeZone: Fixture.shanghai).close() }
        }
        var saved = 0
        var locked = 0
        var other: [String] = []
        _ = Background.run { () -> Bool in
            _ = upgrade.wait()
            _ = second.wait()
            done.set()
            return true
        }
        while !done.isSet {
            do {
                try oldTerminal.write { db in
                    try db.execute(sql: "INSERT INTO customer (name) VALUES (?)", arguments: ["旁\(saved)"])
                }
                saved += 1
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                locked += 1
            } catch {
                other.append("\(error)")
            }
            usleep(20_000)
        }
        try oldTerminal.close()
        try upgrade.wait().get()
        try second.wait().get()
        #expect(locked == 0)
        #expect(other.isEmpty)
        #expect(saved > 10)
        let db = try Fixture.open(folder)
        #expect(try db.check().isHealthy)
        #expect(try db.search("旁").count > 0)
        try db.close()
    }
}

/// A flag set by one thread and read by another.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

/// A thread running `body` whose result can be waited for.
final class Background<T>: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private var result: T?
    private let body: @Sendable () -> T

    private init(_ body: @escaping @Sendable () -> T) { self.body = body }

    static func run(_ body: @escaping @Sendable () -> T) -> Background<T> {
        let thread = Background(body)
        thread.start()
        return thread
    }

    private func start() {
        Thread.detachNewThread { [self] in
            result = body()
            semaphore.signal()
        }
    }

    func wait() -> T {
        semaphore.wait()
        semaphore.signal()
        return result!
    }
}
