import Foundation
import GRDB
import ServiceDomain

/// A customer (phones inside) with the vehicles they own, for `AppDatabase.bulkLoadCustomers`.
public struct BulkCustomer: Sendable {
    public var customer: Customer
    /// `ownerID` is ignored: the loader sets it to the new customer's id.
    public var vehicles: [Vehicle]

    public init(customer: Customer, vehicles: [Vehicle]) {
        self.customer = customer
        self.vehicles = vehicles
    }
}

/// A repair order with its parts, for `AppDatabase.bulkLoadRepairOrders`. Unlike `createRepairOrder`
/// the number is the caller's (history keeps its own numbers) and the stage may already be closed.
public struct BulkRepairOrder: Sendable {
    /// `number` must be a well-formed RO number, unique in the file.
    public var order: RepairOrder
    public var concerns: [Concern]
    public var jobs: [Job]
    public var stageChanges: [StageChange]
    /// The follow-up call, if the visit has one.
    public var callback: Callback?

    public init(order: RepairOrder, concerns: [Concern], jobs: [Job], stageChanges: [StageChange] = [],
                callback: Callback? = nil) {
        self.order = order
        self.concerns = concerns
        self.jobs = jobs
        self.stageChanges = stageChanges
        self.callback = callback
    }
}

/// The ids a customer batch got, in the order given.
public struct BulkCustomerIDs: Sendable, Equatable {
    public var customerID: RowID
    public var vehicleIDs: [RowID]
}

/// The path for benchmark datasets and large imports: one transaction per batch, prepared INSERTs
/// (customers with their phones and vehicles: one INSERT … SELECT per table, see `insertNew`), and
/// one audit row per batch saying what was loaded (instead of one per row, which makes
/// hundreds of thousands of rows take minutes). Everything else the store promises still holds:
/// every customer and vehicle passes the domain validators, free text is sanitized, uniqueness and
/// foreign keys are enforced by the schema (a bad batch is rolled back whole), and the search index
/// is kept by the same triggers as any other write.
///
/// The caller is responsible for what only a row-by-row write can check cheaply: mileage readings
/// that never go backwards and phones not shared by two customers. Keep batches to a few thousand
/// rows so one transaction does not hold the write lock for long.
extension AppDatabase {
    /// Inserts customers with their phones and vehicles. Returns their new ids, in order.
    public func bulkLoadCustomers(_ batch: [BulkCustomer], operator op: Operator, now: Date) throws
        -> [BulkCustomerIDs] {
        let valid = try batch.map { item in
            BulkCustomer(customer: try CustomerRules.validated(item.customer),
                         vehicles: try item.vehicles.map(VehicleRules.validated))
        }
        guard !valid.isEmpty else { return [] }
        return try writeInBulk { db in
            var nextCustomer = try Self.nextID(db, table: Customer.table)
            var nextVehicle = try Self.nextID(db, table: Vehicle.table)
            var customers: [(id: RowID, customer: Customer)] = []
            var vehicles: [Vehicle] = []
            var result: [BulkCustomerIDs] = []
            result.reserveCapacity(valid.count)
            for item in valid {
                let customerID = nextCustomer
                nextCustomer += 1
                customers.append((customerID, item.customer))
                var vehicleIDs: [RowID] = []
                for var vehicle in item.vehicles {
                    vehicle.id = nextVehicle
                    vehicle.ownerID = customerID
                    nextVehicle += 1
                    vehicles.append(vehicle)
                    vehicleIDs.append(vehicle.id!)
                }
                result.append(BulkCustomerIDs(customerID: customerID, vehicleIDs: vehicleIDs))
            }
            try Self.insertNew(customers: customers, vehicles: vehicles, db)
            try Audit.append(db, operator: op, at: now, action: "bulkLoad", entity: Customer.table, entityID: nil,
                             detail: [
                                 "customers": .int(Int64(valid.count)),
                                 "vehicles": .int(Int64(result.reduce(0) { $0 + $1.vehicleIDs.count })),
                                 "firstID": .int(result.first!.customerID),
                                 "lastID": .int(result.last!.customerID),
                             ])
            return result
        }
    }

    /// Inserts repair orders with their concerns, jobs, stage history, check-in mileage reading and
    /// callback. Returns the new repair order ids, in order. The day counters that number new orders
    /// are moved past the loaded numbers, so the console's next order of such a day gets a free number.
    public func bulkLoadRepairOrders(_ batch: [BulkRepairOrder], operator op: Operator, now: Date) throws -> [RowID] {
        var lastSequence: [String: Int] = [:]
        let cleaned = try batch.map { item -> BulkRepairOrder in
            guard let parsed = RONumber.parse(item.order.number) else {
                throw StoreError.notAllowed(Message(zh: "工单号格式不对：\(FreeText.sanitize(item.order.number))",
                                                    en: "Malformed RO number: \(FreeText.sanitize(item.order.number))"))
            }
            lastSequence[parsed.dayKey] = max(lastSequence[parsed.dayKey] ?? 0, parsed.sequence)
            var copy = item
            copy.order = try Self.cleaned(item.order)
            copy.concerns = try item.concerns.map { c in
                var c = c
                c.text = try FreeText.clean(c.text, field: .concern, maxLength: 500, required: true)
                return c
            }
            copy.jobs = try item.jobs.map { j in
                var j = j
                j.description = try FreeText.clean(j.description, field: .other, maxLength: 200, required: true)
                return j
            }
            return copy
        }
        guard !cleaned.isEmpty else { return [] }
        return try write { db in
            var ids: [RowID] = []
            ids.reserveCapacity(cleaned.count)
            for item in cleaned {
                var order = item.order
                order.version = 0
                let roID = try Self.insertRow(order, db)
                ids.append(roID)
                for var concern in item.concerns {
                    concern.repairOrderID = roID
                    _ = try Self.insertRow(concern, db)
                }
                for var job in item.jobs {
                    job.repairOrderID = roID
                    _ = try Self.insertRow(job, db)
                }
                for var change in item.stageChanges {
                    change.repairOrderID = roID
                    _ = try Self.insertRow(change, db)
                }
                _ = try Self.insertRow(MileageReading(vehicleID: order.vehicleID, km: order.mileageIn,
                                                      readAt: order.openedAt, source: .checkIn), db)
                if var callback = item.callback {
                    callback.repairOrderID = roID
                    _ = try Self.insertRow(callback, db)
                }
            }
            for (day, sequence) in lastSequence {
                try db.cachedStatement(sql: """
                    INSERT INTO ro_sequence (day_key, last_value) VALUES (?, ?)
                    ON CONFLICT (day_key) DO UPDATE SET last_value = MAX(last_value, excluded.last_value)
                    """).execute(arguments: [day, sequence])
            }
            try Audit.append(db, operator: op, at: now, action: "bulkLoad", entity: RepairOrder.table, entityID: nil,
                             detail: [
                                 "repairOrders": .int(Int64(ids.count)),
                                 "firstID": .int(ids.first!),
                                 "lastID": .int(ids.last!),
                             ])
            return ids
        }
    }

    /// Inserts comeback records (the earlier and later orders must exist). Returns their ids.
    public func bulkLoadComebacks(_ batch: [Comeback], operator op: Operator, now: Date) throws -> [RowID] {
        guard !batch.isEmpty else { return [] }
        let cleaned = try batch.map { c in
            var c = c
            c.reason = try FreeText.clean(c.reason, field: .reason, maxLength: 200)
            c.version = 0
            return c
        }
        return try write { db in
            let ids = try cleaned.map { try Self.insertRow($0, db) }
            try Audit.append(db, operator: op, at: now, action: "bulkLoad", entity: Comeback.table, entityID: nil,
                             detail: ["comebacks": .int(Int64(ids.count)), "firstID": .int(ids.first!),
                                      "lastID": .int(ids.last!)])
            return ids
        }
    }

    /// Refreshes the query planner's statistics after a large load (`PRAGMA optimize` runs ANALYZE
    /// where it helps), so the first searches on the loaded data use the right indexes.
    public func optimizeAfterBulkLoad() throws {
        try write { db in try db.execute(sql: "PRAGMA optimize") }
    }

    /// Inserts new customers with their phones and vehicles, everything already numbered by the
    /// caller (see `nextID`). `vehicles` carry their id and owner: one of `customers`, or a stored
    /// customer. Each table's rows go in by one statement (`RowSet`); run it inside `writeInBulk`.
    ///
    /// Whole statements rather than a statement per row because of the search index: FTS5 flushes its
    /// pending terms into a new segment at the end of every statement, and whenever a document's rowid
    /// is not above the previous one, so row-by-row inserts write (and then merge) a segment per
    /// customer. Phones and vehicles go in before their customers (foreign keys are deferred to the
    /// commit), so the search triggers build each customer's documents once, when the customer row
    /// lands; and customers go in by their first document's rowid (vehicle id × 2, or customer id × 2
    /// + 1 for a customer without a vehicle, see `SearchIndexSchema`), so the index grows in order.
    static func insertNew(customers: [(id: RowID, customer: Customer)], vehicles: [Vehicle], _ db: Database) throws {
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        var firstDocument: [RowID: RowID] = [:]
        for vehicle in vehicles {
            firstDocument[vehicle.ownerID] = min(firstDocument[vehicle.ownerID] ?? .max, vehicle.id! * 2)
        }
        var phones: [[DatabaseValue]] = []
        for (id, customer) in customers {
            for (position, phone) in customer.phones.enumerated() {
                phones.append([id.databaseValue, phone.databaseValue, position.databaseValue])
            }
        }
        try RowSet.insert(db, table: "customer_phone", columns: ["customer_id", "phone", "position"], rows: phones)
        if let first = vehicles.first {
            try RowSet.insert(db, table: Vehicle.table, columns: ["id"] + first.columns.map(\.0),
                              rows: vehicles.map { [$0.id!.databaseValue] + $0.columns.map(\.1) })
        }
        if let first = customers.first {
            let ordered = customers.sorted { a, b in
                (firstDocument[a.id] ?? a.id * 2 + 1) < (firstDocument[b.id] ?? b.id * 2 + 1)
            }
            try RowSet.insert(db, table: Customer.table, columns: ["id"] + first.customer.columns.map(\.0),
                              rows: ordered.map { [$0.id.databaseValue] + $0.customer.columns.map(\.1) })
        }
    }

    /// `write` for transactions that insert many rows per statement (`insertNew`): the statement
    /// journals (and any TEMP table) are kept in memory meanwhile instead of in temporary files,
    /// whose writes otherwise take longer than the inserts themselves.
    func writeInBulk<T>(_ updates: (Database) throws -> T) throws -> T {
        do {
            return try dbPool.writeWithoutTransaction { db in
                let previous = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                defer { try? db.execute(sql: "PRAGMA temp_store = \(previous)") }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try updates(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw userFacing(error)
        }
    }

    /// The id the next row of `table` (an AUTOINCREMENT table) gets: past both the largest id and
    /// AUTOINCREMENT's high-water mark, so a deleted row's id is never reused.
    static func nextID(_ db: Database, table: String) throws -> RowID {
        let maxID = try RowID.fetchOne(db, sql: "SELECT MAX(id) FROM \(table)") ?? 0
        let sequence = try RowID.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?",
                                          arguments: [table]) ?? 0
        return max(maxID, sequence) + 1
    }

    /// A prepared (cached) INSERT of every column of `record`, optionally with an explicit id.
    static func insertRow<R: StoredRecord>(_ record: R, _ db: Database, id: RowID? = nil) throws -> RowID {
        var columns = record.columns
        if let id { columns.insert(("id", id.databaseValue), at: 0) }
        let names = columns.map(\.0).joined(separator: ", ")
        let sql = "INSERT INTO \(R.table) (\(names)) VALUES (\(databaseQuestionMarks(count: columns.count)))"
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(columns.map(\.1)))
        return db.lastInsertedRowID
    }
}
