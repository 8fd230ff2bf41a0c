import Foundation
import GRDB
import Testing
import ServiceDomain
@testable import ServiceStore

/// The comeback pass after a history import finds exactly the candidates check-in would have found had the
/// same orders been checked in one by one through the store's check-in path (`createRepairOrder`, then
/// `recordCheckInComeback`), deliveries in between at their times.
@Suite struct HistoryComebackPropertyTests {
    struct Order {
        var external: String
        var plate: String
        var phone: String
        var opened: Date
        var closed: Date?
        var km: Int
        var category: ConcernCategory
        var repairClass: RepairClass
        var isCancelled = false
    }

    /// SplitMix64: the same seed gives the same history.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    }

    /// Cars with visits days to weeks apart (inside and outside every window), a few categories so some
    /// overlap, every repair class, some orders still open at the end and some cancelled.
    static func history(seed: UInt64) -> [Order] {
        var random = Random(state: seed)
        var orders: [Order] = []
        let start = Date(timeIntervalSince1970: 1_735_689_600) // 2025-01-01 UTC
        let categories: [ConcernCategory] = [.brakes, .engine, .noise]
        for car in 0..<4 {
            var t = start.addingTimeInterval(TimeInterval(car * 3_600 + random.int(0...59) * 60))
            var km = 10_000 + random.int(0...5_000)
            let visits = random.int(4...9)
            for visit in 0..<visits {
                t = t.addingTimeInterval(TimeInterval(random.int(1...40)) * 86_400 + TimeInterval(random.int(0...600)) * 60)
                km += random.int(50...3_000)
                let last = visit == visits - 1
                let cancelled = !last && random.int(0...9) == 0
                let closed: Date? = last && random.int(0...1) == 0 ? nil
                    : t.addingTimeInterval(TimeInterval(random.int(1...30)) * 3_600 + 60 * TimeInterval(car))
                orders.append(Order(
                    external: "P\(seed)-\(car)-\(visit)", plate: "粤A1000\(car)", phone: "1381234560\(car)", opened: t,
                    closed: closed, km: km, category: categories[random.int(0...2)],
                    repairClass: RepairClass.allCases[random.int(0...RepairClass.allCases.count - 1)],
                    isCancelled: cancelled))
            }
        }
        return orders
    }

    static func time(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = Fixture.shanghai
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }

    /// The pairs as (earlier, later) external numbers.
    static func pairs(_ db: AppDatabase, externalOf: [RowID: String]) throws -> Set<String> {
        let rows = try db.dbPool.read {
            try Row.fetchAll($0, sql: "SELECT earlier_repair_order_id, later_repair_order_id FROM comeback")
        }
        return Set(rows.map { "\(externalOf[$0[0]] ?? "?")→\(externalOf[$0[1]] ?? "?")" })
    }

    func imported(_ orders: [Order]) throws -> Set<String> {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        var lines = [HistoryImportTests.header]
        for o in orders {
            let status = o.closed == nil ? "open" : (o.isCancelled ? "cancelled" : "closed")
            lines.append([o.external, Self.time(o.opened), o.closed.map(Self.time) ?? "", "", status, o.plate, "", o.phone,
                          "车主", "凯美瑞", String(o.km), "repair", o.repairClass.rawValue, "问题", o.category.rawValue,
                          "", "", "100", "0"].joined(separator: ","))
        }
        let url = folder.file("history.csv")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        _ = try db.importHistory(from: url, operator: Fixture.advisor, now: Fixture.morning)
        let externals = try db.dbPool.read {
            try Row.fetchAll($0, sql: "SELECT repair_order_id, external_number FROM repair_order_external")
        }
        return try Self.pairs(db, externalOf: Dictionary(uniqueKeysWithValues: externals.map { ($0[0], $0[1]) }))
    }

    func checkedIn(_ orders: [Order]) throws -> Set<String> {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        var cars: [String: (Customer, Vehicle)] = [:]
        for o in orders where cars[o.plate] == nil {
            let owner = try Fixture.customer(db, "车主", phones: [o.phone])
            cars[o.plate] = (owner, try Fixture.vehicle(db, owner: owner, plate: o.plate))
        }
        // Opening and closing events in time order; times are shop minutes, as the file has them.
        enum Event { case open(Int), close(Int) }
        func minute(_ d: Date) -> Date { Date(timeIntervalSince1970: (d.timeIntervalSince1970 / 60).rounded(.down) * 60) }
        var events: [(Date, Int, Event)] = []
        for (i, o) in orders.enumerated() {
            events.append((minute(o.opened), 1, .open(i)))
            // A delivery in the same minute as a check-in counts as before it (`closed_at <= opened_at`).
            if let closed = o.closed { events.append((minute(closed), 0, .close(i))) }
        }
        events.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var ids: [Int: RowID] = [:]
        var externalOf: [RowID: String] = [:]
        for (at, _, event) in events {
            switch event {
            case .open(let i):
                let o = orders[i]
                let (owner, car) = cars[o.plate]!
                var ro = Fixture.repairOrder(customer: owner, vehicle: car, openedAt: at, mileage: o.km)
                ro.serviceType = .repair
                ro.repairClass = o.repairClass
                let saved = try db.createRepairOrder(ro, concerns: [Concern(repairOrderID: 0, text: "问题", category: o.category)],
                                                     jobs: [], operator: Fixture.advisor, now: at, timeZone: Fixture.shanghai)
                _ = try db.recordCheckInComeback(repairOrderID: saved.id!, operator: Fixture.advisor, now: at)
                ids[i] = saved.id!
                externalOf[saved.id!] = o.external
            case .close(let i):
                // Delivered (or cancelled) at that time: the only columns the comeback rules read.
                let stage = orders[i].isCancelled ? ROStage.cancelled : .delivered
                try db.dbPool.write { db in
                    try db.execute(sql: "UPDATE repair_order SET stage = ?, closed_at = ? WHERE id = ?",
                                   arguments: [stage.rawValue, at, ids[i]!])
                }
            }
        }
        return try Self.pairs(db, externalOf: externalOf)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func importedHistoryGivesTheCandidatesOfCheckingInOneByOne(seed: UInt64) throws {
        let orders = Self.history(seed: seed)
        let viaImport = try imported(orders)
        let viaCheckIn = try checkedIn(orders)
        #expect(viaImport == viaCheckIn)
    }

    @Test func theGeneratedHistoriesHoldCandidatesAndChains() throws {
        // The property means something only if the histories have candidates, chains among them.
        var total = 0, chains = 0
        for seed in 1...8 as ClosedRange<UInt64> {
            let pairs = try checkedIn(Self.history(seed: seed)).map { $0.split(separator: "→").map(String.init) }
            total += pairs.count
            let laters = Set(pairs.map { $0[1] })
            chains += pairs.filter { laters.contains($0[0]) }.count
        }
        #expect(total >= 8)
        #expect(chains >= 1)
    }
}

