import Foundation
import ServiceDomain
import ServiceStore
@testable import ShopFixtures
import Testing

/// A temporary database file, removed with its folder when the test ends.
final class ScratchDatabase {
    let folder: URL
    let db: AppDatabase

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = try AppDatabase.open(path: folder.appendingPathComponent("shop.db").path, timeZone: Self.zone)
    }

    deinit {
        try? db.close()
        try? FileManager.default.removeItem(at: folder)
    }

    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    /// 2026-11-22 14:00 in Guangzhou.
    static let now = Date(timeIntervalSince1970: 1_795_327_200)
}

@Suite("Bulk benchmark dataset")
struct BulkDatasetTests {
    func dataset(customers: Int = 300, repairOrders: Int = 1_500, seed: UInt64 = 7) -> BulkDataset {
        var d = BulkDataset(customers: customers, repairOrders: repairOrders, seed: seed,
                            now: ScratchDatabase.now, timeZone: ScratchDatabase.zone)
        d.openToday = 20
        d.dueCallbacks = 30
        d.batchSize = 128
        return d
    }

    /// Flattens what the generator made, to compare two runs.
    func generated(_ d: BulkDataset, seed: UInt64) throws -> [BulkCustomer] {
        var rng = SeededRandom(seed: seed)
        var all: [BulkCustomer] = []
        try d.generateCustomers(&rng) { all += $0 }
        return all
    }

    @Test("the same seed gives the same customers; another seed gives others")
    func deterministic() throws {
        let d = dataset()
        let a = try generated(d, seed: 1)
        let b = try generated(d, seed: 1)
        let c = try generated(d, seed: 2)
        func key(_ items: [BulkCustomer]) -> [String] {
            items.map { item in
                ([item.customer.name] + item.customer.phones + item.vehicles.map { "\($0.plate)|\($0.vin ?? "")" })
                    .joined(separator: ",")
            }
        }
        #expect(a.count == 300)
        #expect(key(a) == key(b))
        #expect(key(a) != key(c))
    }

    @Test("names, phones, plates and VINs pass the domain validators and are unique")
    func validData() throws {
        let all = try generated(dataset(customers: 2_000), seed: 3)
        var phones = Set<String>()
        var plates = Set<String>()
        var vins = Set<String>()
        for item in all {
            let valid = try CustomerRules.validated(item.customer)
            #expect(valid.name == item.customer.name)
            for phone in valid.phones { #expect(phones.insert(phone).inserted, "phone used twice: \(phone)") }
            for vehicle in item.vehicles {
                let checked = try VehicleRules.validated(vehicle)
                #expect(plates.insert(checked.plate).inserted, "plate used twice: \(checked.plate)")
                if let vin = vehicle.vin {
                    #expect(try VIN.validate(vin, requireCheckDigit: true) == vin)
                    #expect(vins.insert(vin).inserted, "VIN used twice: \(vin)")
                }
            }
        }
        #expect(plates.count > 2_000)
        #expect(vins.count > 2_000)
    }

    @Test("loads into a database that passes check(), with the promised open orders and due calls")
    func loads() throws {
        let scratch = try ScratchDatabase()
        let db = scratch.db
        let d = dataset()
        let summary = try d.load(into: db)
        #expect(try db.check().problems == [])
        #expect(summary.customers == 300)
        #expect(summary.repairOrders == 1_500)
        #expect(summary.openRepairOrders == 20)
        #expect(summary.callbacksDue == 30)
        #expect(summary.comebacks > 0)
        let open = try db.repairOrders(stageIn: Set(ROStage.allCases.filter(\.isOpen)))
        #expect(open.count == 20)
        #expect(try db.callbacks(statusIn: [.open]).count == 30)

        // What the benchmarks type is really there.
        let probe = try #require(summary.probes.first)
        let byPlate = try db.search(probe.plate)
        #expect(byPlate.first?.customerID == probe.customerID)
        let byVIN = try db.search(probe.vin)
        #expect(byVIN.first?.customerID == probe.customerID)
        let byPhone = try db.search(probe.phone)
        #expect(byPhone.first?.customerID == probe.customerID)

        // A loaded day's numbers are taken: the console's next order today gets the next free one.
        let car = open[0]
        var draft = car
        draft.id = nil
        draft.stage = .checkedIn
        draft.closedAt = nil
        let fresh = try db.createRepairOrder(
            draft, concerns: [Concern(repairOrderID: 0, text: "复查", category: .other)], jobs: [],
            operator: Operator(staffID: nil, name: "test"), now: ScratchDatabase.now, timeZone: ScratchDatabase.zone)
        #expect(RONumber.parse(fresh.number)?.sequence == 21)
    }

    @Test("the same seed loads the same database twice")
    func loadDeterministic() throws {
        let first = try ScratchDatabase()
        let second = try ScratchDatabase()
        let a = try dataset(customers: 200, repairOrders: 600).load(into: first.db)
        let b = try dataset(customers: 200, repairOrders: 600).load(into: second.db)
        #expect(a == b)
        let ids = a.probes.map(\.customerID)
        #expect(try ids.map { try first.db.customer(id: $0) } == ids.map { try second.db.customer(id: $0) })
    }

    @Test("a batch that breaks a rule is refused whole")
    func refusesBadBatch() throws {
        let scratch = try ScratchDatabase()
        let op = Operator(staffID: nil, name: "test")
        let car = Vehicle(ownerID: 0, vin: nil, plate: "粤A12345", model: "速腾")
        let good = BulkCustomer(customer: Customer(name: "王芳", phones: ["13800138000"]), vehicles: [car])
        let samePlate = BulkCustomer(customer: Customer(name: "李娜", phones: ["13900139000"]), vehicles: [car])
        #expect(throws: (any Error).self) {
            try scratch.db.bulkLoadCustomers([good, samePlate], operator: op, now: ScratchDatabase.now)
        }
        #expect(try scratch.db.search("王芳").isEmpty)
        let badPhone = BulkCustomer(customer: Customer(name: "张伟", phones: ["12345"]), vehicles: [])
        #expect(throws: ValidationError.self) {
            try scratch.db.bulkLoadCustomers([badPhone], operator: op, now: ScratchDatabase.now)
        }
        let ids = try scratch.db.bulkLoadCustomers([good], operator: op, now: ScratchDatabase.now)
        #expect(try scratch.db.search("王芳").map(\.customerID) == [ids[0].customerID])
        #expect(try scratch.db.auditEntries(entity: "customer", entityID: nil).map(\.action) == ["bulkLoad"])
        #expect(try scratch.db.check().isHealthy)
    }
}

@Suite("Comeback listings' technician rates")
struct ComebackRatesTests {
    /// Rates read for one listing (only the visits its technicians touched) equal the rates of the
    /// whole month's figures, for every listing of a generated shop with confirmed comebacks.
    @Test func oneListingsRatesEqualTheWholeMonthsFigures() throws {
        let scratch = try ScratchDatabase()
        var d = BulkDataset(customers: 300, repairOrders: 4_000, seed: 11, now: ScratchDatabase.now,
                            timeZone: ScratchDatabase.zone)
        d.years = 1
        d.openToday = 10
        d.dueCallbacks = 10
        _ = try d.load(into: scratch.db) { _ in }
        let listings = try scratch.db.comebackListings(now: ScratchDatabase.now, timeZone: ScratchDatabase.zone,
                                                       recentDays: 400)
        let withRates = listings.filter { $0.earlierDeliveredAt != nil && !$0.technicians.isEmpty }
        #expect(withRates.count >= 5)
        var compared = 0
        for listing in withRates.prefix(25) {
            let month = ReportPeriod.containing(listing.earlierDeliveredAt!, kind: .month, timeZone: ScratchDatabase.zone)
            let whole = FTFRFigures.compute(try scratch.db.repairVisits(from: month.start, to: month.end),
                                            timeZone: ScratchDatabase.zone).byTechnician
            let ids = Set(listing.technicians.map(\.id))
            let rates = try scratch.db.technicianRates(for: listing, timeZone: ScratchDatabase.zone)
            #expect(rates == whole.filter { ids.contains($0.key) })
            #expect(!rates.isEmpty)
            compared += 1
        }
        #expect(compared >= 5)
    }
}
