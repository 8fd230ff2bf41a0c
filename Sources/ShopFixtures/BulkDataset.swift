import Foundation
import ServiceDomain
import ServiceStore

/// The benchmark datasets: a busy 4S store's customers, vehicles and ten years of repair orders,
/// generated from a seed (the same rows on every machine) and written through the bulk loader.
public enum BulkSize: String, Sendable, CaseIterable {
    case small, medium, large

    public var customers: Int {
        switch self {
        case .small: 1_000
        case .medium: 50_000
        case .large: 200_000
        }
    }

    public var repairOrders: Int {
        switch self {
        case .small: 6_000
        case .medium: 300_000
        case .large: 1_500_000
        }
    }
}

/// A customer of the dataset whose details the benchmarks type fragments of.
public struct BulkProbe: Sendable, Equatable {
    public var customerID: Int64
    public var name: String
    public var phone: String
    public var plate: String
    public var vin: String
}

/// What `BulkDataset.load` wrote.
public struct BulkDatasetSummary: Sendable, Equatable {
    public var customers = 0
    public var vehicles = 0
    public var staff = 0
    public var repairOrders = 0
    public var openRepairOrders = 0
    public var callbacksDue = 0
    public var comebacks = 0
    public var probes: [BulkProbe] = []
    public init() {}
}

/// Generates and loads a dataset. Whatever the size, today has `openToday` cars in the workshop
/// (the waiting board) and the `dueCallbacks` most recent deliveries still wait for their call
/// (the follow-up queue); the rest is history spread over `years` years, about one comeback in
/// thirty visits.
public struct BulkDataset: Sendable {
    public var customers: Int
    public var repairOrders: Int
    public var seed: UInt64
    public var now: Date
    public var timeZone: TimeZone
    public var years = 10
    public var openToday = 200
    public var dueCallbacks = 500
    public var batchSize = 2_000

    public init(size: BulkSize, seed: UInt64 = 4_2026, now: Date, timeZone: TimeZone) {
        self.init(customers: size.customers, repairOrders: size.repairOrders, seed: seed, now: now, timeZone: timeZone)
    }

    public init(customers: Int, repairOrders: Int, seed: UInt64 = 4_2026, now: Date, timeZone: TimeZone) {
        self.customers = customers
        self.repairOrders = repairOrders
        self.seed = seed
        self.now = now
        self.timeZone = timeZone
    }

    /// Customers with phones and vehicles, in batches, in a fixed order. `body` gets each batch.
    /// The only state kept between batches is what uniqueness needs (phones and plates seen).
    func generateCustomers(_ rng: inout SeededRandom, _ body: ([BulkCustomer]) throws -> Void) throws {
        var phonesSeen = Set<String>(minimumCapacity: customers * 2)
        var platesSeen = Set<String>(minimumCapacity: customers * 2)
        var vehicleSerial = 0
        var batch: [BulkCustomer] = []
        for i in 0..<customers {
            var phones: [String] = []
            for n in 0..<(rng.chance(0.12) ? 2 : 1) {
                var phone = n == 1 && rng.chance(0.4) ? PeopleFactory.landline(&rng) : PeopleFactory.mobile(&rng)
                while phonesSeen.contains(phone) { phone = PeopleFactory.mobile(&rng) }
                phonesSeen.insert(phone)
                phones.append(phone)
            }
            let customer = Customer(
                name: PeopleFactory.name(&rng), phones: phones, isOutOfWarrantyOwner: rng.chance(0.12),
                isUsedCarOwner: rng.chance(0.08), contactPreference: rng.pick([.phone, .phone, .wechat, .sms]),
                preferredCallTime: rng.pick(["", "", "", "下午3点后", "上午", "午休时间勿打", "工作日晚上"]),
                notes: i % 41 == 0 ? "企业车队客户" : "")
            var vehicles: [Vehicle] = []
            for _ in 0..<(rng.chance(0.2) ? 2 : 1) {
                var plate = PeopleFactory.plate(&rng)
                while platesSeen.contains(plate) { plate = PeopleFactory.plate(&rng) }
                platesSeen.insert(plate)
                let line = rng.pick(VehicleFactory.lines)
                let year = rng.int(2016...2025)
                // Serials only grow, three apart at most: every VIN is different (up to ~300,000 cars).
                vehicleSerial += rng.int(1...3)
                let purchaseDay = CalendarDate(year: year, month: rng.int(1...12), day: rng.int(1...28))!
                vehicles.append(Vehicle(
                    ownerID: 0,
                    vin: rng.chance(0.95) ? VehicleFactory.vin(line: line, year: year, serial: 100_000 + vehicleSerial, rng: &rng) : nil,
                    plate: plate, model: line.name, purchaseDate: purchaseDay,
                    warrantyEndDate: purchaseDay.adding(years: 3), warrantyEndKm: 100_000))
            }
            batch.append(BulkCustomer(customer: customer, vehicles: vehicles))
            if batch.count == batchSize {
                try body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try body(batch) }
    }

    /// The probes `load` reports, without writing anything: for a database this dataset was loaded
    /// into before (customer ids count from 1 in a fresh file).
    public func probesOnly() throws -> BulkDatasetSummary {
        var rng = SeededRandom(seed: seed)
        var summary = BulkDatasetSummary()
        try generateCustomers(&rng) { batch in
            for (offset, item) in batch.enumerated() {
                let id = Int64(summary.customers + offset + 1)
                if id % 97 == 0, let vin = item.vehicles.first(where: { $0.vin != nil })?.vin,
                   let vehicle = item.vehicles.first(where: { $0.vin == vin }) {
                    summary.probes.append(BulkProbe(customerID: id, name: item.customer.name,
                                                    phone: item.customer.phones[0],
                                                    plate: Plate.normalize(vehicle.plate), vin: vin))
                }
            }
            summary.customers += batch.count
        }
        return summary
    }

    @discardableResult
    public func load(into db: AppDatabase, progress: (String) -> Void = { _ in }) throws -> BulkDatasetSummary {
        var rng = SeededRandom(seed: seed)
        var summary = BulkDatasetSummary()
        let system = Operator(staffID: nil, name: "bulk-load")
        try db.setSetting(key: "shop.name", value: DemoShop.shopName, operator: system, now: now)
        try db.setSetting(key: "shop.timezone", value: timeZone.identifier, operator: system, now: now)
        let staff = try BulkStaff.create(db, now: now)
        summary.staff = staff.count

        // Per vehicle, what later visits need: its id, owner, owner's first phone, odometer.
        var vehicleIDs: [Int64] = []
        var ownerIDs: [Int64] = []
        var ownerPhone: [Int64: String] = [:]
        var odometer: [Int32] = []
        var odometerRng = SeededRandom(seed: seed &+ 1)
        try generateCustomers(&rng) { batch in
            let ids = try db.bulkLoadCustomers(batch, operator: system, now: now)
            for (item, saved) in zip(batch, ids) {
                ownerPhone[saved.customerID] = try PhoneNumber.validate(item.customer.phones[0])
                for (vehicle, vehicleID) in zip(item.vehicles, saved.vehicleIDs) {
                    vehicleIDs.append(vehicleID)
                    ownerIDs.append(saved.customerID)
                    odometer.append(Int32(odometerRng.int(500...20_000)))
                    // Every 97th customer is a probe the benchmarks search for.
                    if saved.customerID % 97 == 0, let vin = vehicle.vin,
                       summary.probes.last?.customerID != saved.customerID {
                        summary.probes.append(BulkProbe(customerID: saved.customerID, name: item.customer.name,
                                                        phone: item.customer.phones[0],
                                                        plate: Plate.normalize(vehicle.plate), vin: vin))
                    }
                }
            }
            summary.customers += batch.count
            summary.vehicles += ids.reduce(0) { $0 + $1.vehicleIDs.count }
            progress("customers \(summary.customers)/\(customers)")
        }

        let visits = BulkVisits(dataset: self, staff: staff, vehicleIDs: vehicleIDs, ownerIDs: ownerIDs,
                                ownerPhone: ownerPhone)
        try visits.load(into: db, rng: &rng, odometer: &odometer, summary: &summary, operator: system,
                        progress: progress)
        try db.optimizeAfterBulkLoad()
        return summary
    }
}

/// A large shop's staff: reception, advisors, technicians, a workshop lead and a manager.
struct BulkStaff {
    var reception: [Staff]
    var advisors: [Staff]
    var technicians: [Staff]
    /// Including the workshop lead and the manager.
    var count: Int { reception.count + advisors.count + technicians.count + 2 }

    static func create(_ db: AppDatabase, now: Date) throws -> BulkStaff {
        let op = Operator(staffID: nil, name: "bulk-load")
        var rng = SeededRandom(seed: 77)
        func make(_ prefix: String, _ n: Int, _ roles: Set<Role>, skill: ClosedRange<Int> = 0...0) throws -> [Staff] {
            try (1...n).map { i in
                try db.saveStaff(Staff(login: "\(prefix)\(i)", name: PeopleFactory.name(&rng), roles: roles,
                                       skillLevel: rng.int(skill)), operator: op, now: now)
            }
        }
        let reception = try make("desk", 3, [.reception])
        let advisors = try make("sa", 8, [.advisor, .reception])
        let technicians = try make("tech", 16, [.technician], skill: 1...5)
        _ = try make("lead", 1, [.workshopLead, .technician], skill: 5...5)
        _ = try make("mgr", 1, [.manager, .advisor])
        return BulkStaff(reception: reception, advisors: advisors, technicians: technicians)
    }
}
