import Foundation
import GRDB
import ServiceDomain

/// The second pass of a history import: the file read again and its new orders written 200 rows per
/// transaction, paced like the customer import (`AppDatabase.paced`) so terminals' saves get the write
/// lock between batches. Every row was checked by `HistoryPlanner`; a batch that fails anyway (a terminal
/// registered the same car meanwhile, the disk is full) takes back every batch before it
/// (`undo`) and the import is reported as `ImportUndone`: all rows or none.
struct HistoryWriter {
    static let batchRows = AppDatabase.importBatchRows

    let store: AppDatabase
    let plan: HistoryPlan
    let op: Operator
    let now: Date
    let timeZone: TimeZone
    let callbackWindowHours: Int
    let callingHours: CallingHours

    /// The orders written, in file order: the comeback pass runs over them.
    private(set) var createdOrderIDs: [RowID] = []
    private var created: [String: [RowID]] = [:]
    private var readingIDs: [RowID] = []
    /// Staff by lowercased login and name.
    private var staff: [String: RowID] = [:]
    private let matcher = HistoryMatcher()

    init(store: AppDatabase, plan: HistoryPlan, operator op: Operator, now: Date, timeZone: TimeZone,
         callbackWindowHours: Int, callingHours: CallingHours) {
        self.store = store
        self.plan = plan
        self.op = op
        self.now = now
        self.timeZone = timeZone
        self.callbackWindowHours = callbackWindowHours
        self.callingHours = callingHours
    }

    mutating func write(_ reader: HistoryReader, lines linesURL: URL?, encoding: ImportEncoding?,
                        report: inout HistoryImportReport) throws {
        do {
            try store.dbPool.read { db in
                for row in try Row.fetchAll(db, sql: "SELECT id, login, name FROM staff ORDER BY id DESC") {
                    staff[(row["name"] as String).lowercased()] = row["id"]
                    let login: String = row["login"]
                    if !login.isEmpty { staff[login.lowercased()] = row["id"] }
                }
            }
            var batch: [HistoryRow] = []
            var callbacks = 0
            _ = try reader.forEachRow { row in
                batch.append(row)
                if batch.count == Self.batchRows {
                    callbacks += try flush(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            callbacks += try flush(batch)
            report.callbacksCreated = callbacks
            if let linesURL { report.linesAdded = try writeLines(linesURL, encoding: encoding) }
            let detail: [String: AuditValue] = [
                "rows": .int(Int64(report.rows)), "ordersCreated": .int(Int64(createdOrderIDs.count)),
                "alreadyImported": .int(Int64(report.ordersAlreadyImported)),
                "customersCreated": .int(Int64(created["customer"]?.count ?? 0)),
                "vehiclesCreated": .int(Int64(created["vehicle"]?.count ?? 0)),
                "staffCreated": .int(Int64(created["staff"]?.count ?? 0)),
                "suspectReadings": .int(Int64(plan.suspectLines.count)),
                "firstRepairOrderID": createdOrderIDs.first.map { .int($0) } ?? .null,
                "lastRepairOrderID": createdOrderIDs.last.map { .int($0) } ?? .null,
            ]
            try store.write { db in
                try Audit.append(db, operator: op, at: now, action: "importHistory", entity: RepairOrder.table,
                                 entityID: nil, detail: detail)
            }
        } catch {
            let reason: Message
            if let dbError = error as? DatabaseError, dbError.resultCode == .SQLITE_CONSTRAINT {
                reason = Message(zh: "其他终端刚刚登记了文件中也有的车辆或工单（\(dbError.message ?? "constraint")）",
                                 en: "another terminal has just registered a car or order the file also has "
                                     + "(\(dbError.message ?? "constraint"))")
            } else {
                reason = (store.userFacing(error) as? UserFacingError)?.message ?? Message(zh: "\(error)", en: "\(error)")
            }
            let kept = (try? undo()) ?? 0
            throw ImportUndone(reason: reason, kept: kept)
        }
    }

    /// One transaction: the batch's new orders. Returns the follow-up calls it scheduled.
    private mutating func flush(_ rows: [HistoryRow]) throws -> Int {
        guard !rows.isEmpty else { return 0 }
        var callbacks = 0
        try AppDatabase.paced {
            try store.write { db in
                var ids: [RowID] = []
                for row in rows {
                    guard try RowID.fetchOne(db, cachedSQL: "SELECT repair_order_id FROM repair_order_external WHERE external_number = ?",
                                             row.externalNumber) == nil else { continue }
                    let (id, callback) = try insertOrder(row, db)
                    ids.append(id)
                    if callback { callbacks += 1 }
                }
                guard let first = ids.first, let last = ids.last else { return }
                try Audit.append(db, operator: op, at: now, action: "importHistoryBatch", entity: RepairOrder.table,
                                 entityID: nil, detail: ["orders": .int(Int64(ids.count)), "firstID": .int(first),
                                                         "lastID": .int(last)])
            }
        }
        return callbacks
    }

    private mutating func remember(_ table: String, _ id: RowID) {
        created[table, default: []].append(id)
    }

    /// Inserts one order with its car and owner (when new), concern, work line, stages, reading and call.
    private mutating func insertOrder(_ row: HistoryRow, _ db: Database) throws -> (RowID, Bool) {
        let vehicleID: RowID, customerID: RowID
        switch try matcher.match(row, db) {
        case .stored(let v, let owner):
            (vehicleID, customerID) = (v, owner)
        case .new(let plate, let owner):
            switch owner {
            case .stored(let id): customerID = id
            case .new(let phone):
                let customer = try CustomerRules.validated(Customer(name: row.customerName ?? "", phones: [phone]))
                customerID = try Persistence.insert(customer, db).id!
                remember(Customer.table, customerID)
                for (position, phone) in customer.phones.enumerated() {
                    try db.cachedStatement(sql: "INSERT INTO customer_phone (customer_id, phone, position) VALUES (?, ?, ?)")
                        .execute(arguments: [customerID, phone, position])
                }
            }
            let vehicle = try VehicleRules.validated(Vehicle(ownerID: customerID, vin: row.vin, plate: plate, model: row.model))
            vehicleID = try AppDatabase.insertRow(vehicle, db)
            remember(Vehicle.table, vehicleID)
        }
        let advisorID = try staffID(row.advisor, role: .advisor, db)
        let technicianID = try staffID(row.technician, role: .technician, db)
        let dayKey = RONumber.dayKey(row.openedAt, timeZone: timeZone)
        let sequence = try Int.fetchOne(db.cachedStatement(sql: """
            INSERT INTO ro_sequence (day_key, last_value) VALUES (?, 1)
            ON CONFLICT (day_key) DO UPDATE SET last_value = last_value + 1
            RETURNING last_value
            """), arguments: [dayKey])!
        let delivered = row.stage == .delivered
        let order = RepairOrder(
            number: RONumber.make(openedAt: row.openedAt, sequence: sequence, timeZone: timeZone), customerID: customerID,
            vehicleID: vehicleID, advisorID: advisorID, serviceType: row.serviceType, repairClass: row.repairClass,
            stage: row.stage, openedAt: row.openedAt, promisedAt: row.promisedAt, closedAt: row.closedAt,
            mileageIn: row.mileage, contactPhone: row.phone ?? "", estimateLabour: row.labour, estimateParts: row.parts,
            finalLabour: delivered ? row.labour : nil, finalParts: delivered ? row.parts : nil)
        let roID = try AppDatabase.insertRow(order, db)
        createdOrderIDs.append(roID)
        try db.cachedStatement(sql: "INSERT INTO repair_order_external (repair_order_id, external_number) VALUES (?, ?)")
            .execute(arguments: [roID, row.externalNumber])
        _ = try AppDatabase.insertRow(Concern(repairOrderID: roID, text: row.concern, category: row.category), db)
        if row.labour > .zero || row.parts > .zero || technicianID != nil {
            _ = try AppDatabase.insertRow(Job(repairOrderID: roID, description: String(row.concern.prefix(200)),
                                              technicianID: technicianID, status: delivered ? .done : .pending,
                                              labour: row.labour, parts: row.parts), db)
        }
        _ = try AppDatabase.insertRow(StageChange(repairOrderID: roID, from: nil, to: .checkedIn, at: row.openedAt,
                                                  operatorID: op.staffID, note: "imported"), db)
        if row.stage != .checkedIn {
            _ = try AppDatabase.insertRow(StageChange(repairOrderID: roID, from: .checkedIn, to: row.stage,
                                                      at: row.closedAt ?? row.openedAt, operatorID: op.staffID,
                                                      note: "imported"), db)
        }
        try db.cachedStatement(sql: """
            INSERT INTO mileage_reading (vehicle_id, km, read_at, source, reason, is_suspect) VALUES (?, ?, ?, ?, '', ?)
            """).execute(arguments: [vehicleID, row.mileage, row.openedAt, MileageSource.imported.rawValue,
                                     plan.suspectLines.contains(row.line)])
        readingIDs.append(db.lastInsertedRowID)
        // A delivered car is called only while its call is still due: a visit of years ago is not.
        var callback = false
        if delivered, let closed = row.closedAt, now.timeIntervalSince(closed) < Double(callbackWindowHours) * 3600 {
            let due = try AppDatabase.callDue(db, repairOrderID: roID, at: closed.addingTimeInterval(Double(callbackWindowHours) * 3600),
                                              hours: callingHours, fallbackZone: timeZone)
            _ = try AppDatabase.insertRow(Callback(repairOrderID: roID, kind: .afterDelivery, dueAt: due), db)
            callback = true
        }
        return (roID, callback)
    }

    /// The staff member a file names (by login, else name); one not on the list is created inactive, so
    /// figures by person still count their visits, and nobody can sign in as them.
    private mutating func staffID(_ name: String, role: Role, _ db: Database) throws -> RowID? {
        guard !name.isEmpty else { return nil }
        if let id = staff[name.lowercased()] { return id }
        let id = try AppDatabase.insertRow(Staff(login: "", name: name, roles: [role], isActive: false), db)
        remember(Staff.table, id)
        staff[name.lowercased()] = id
        return id
    }

    /// The lines file: each line becomes a work line of an order this import created, replacing the one
    /// made from the order's amounts. Lines of orders imported before are left alone (re-import).
    private mutating func writeLines(_ url: URL, encoding: ImportEncoding?) throws -> Int {
        let mine = Set(createdOrderIDs)
        var replaced: Set<RowID> = []
        var batch: [HistoryLine] = []
        var added = 0
        func flushLines(_ lines: [HistoryLine]) throws {
            guard !lines.isEmpty else { return }
            try AppDatabase.paced {
                try store.write { db in
                    for line in lines {
                        guard let roID = try RowID.fetchOne(db, cachedSQL: """
                            SELECT repair_order_id FROM repair_order_external WHERE external_number = ?
                            """, line.externalNumber), mine.contains(roID) else { continue }
                        let technician = try RowID.fetchOne(db, cachedSQL: """
                            SELECT technician_id FROM job WHERE repair_order_id = ? ORDER BY id LIMIT 1
                            """, roID)
                        let stage = try String.fetchOne(db.cachedStatement(sql: "SELECT stage FROM repair_order WHERE id = ?"),
                                                        arguments: [roID])
                        if replaced.insert(roID).inserted {
                            try db.cachedStatement(sql: "DELETE FROM job WHERE repair_order_id = ?").execute(arguments: [roID])
                        }
                        var job = line.job
                        job.repairOrderID = roID
                        job.technicianID = technician
                        if stage != ROStage.delivered.rawValue { job.status = .pending }
                        _ = try AppDatabase.insertRow(job, db)
                        added += 1
                    }
                }
            }
        }
        _ = try HistoryLinesReader(url: url, encoding: encoding).forEachLine { line in
            batch.append(line)
            if batch.count == Self.batchRows {
                try flushLines(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try flushLines(batch)
        return added
    }

    /// Takes back what the import wrote: its orders (their concerns, lines, stages, calls and external
    /// numbers go with them), readings, cars, customers and staff. A car or customer a terminal already
    /// used stays, and is counted.
    private func undo() throws -> Int {
        var kept = 0
        for chunk in createdOrderIDs.chunked(AppDatabase.importBatchRows * 2) {
            try store.write { db in
                for id in chunk { try db.cachedStatement(sql: "DELETE FROM repair_order WHERE id = ?").execute(arguments: [id]) }
            }
        }
        for chunk in readingIDs.chunked(AppDatabase.importBatchRows * 2) {
            try store.write { db in
                for id in chunk { try db.cachedStatement(sql: "DELETE FROM mileage_reading WHERE id = ?").execute(arguments: [id]) }
            }
        }
        for table in [Vehicle.table, Customer.table, Staff.table] {
            for chunk in (created[table] ?? []).chunked(AppDatabase.importBatchRows * 2) {
                try store.write { db in
                    for id in chunk {
                        do {
                            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE id = ?").execute(arguments: [id])
                        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                            kept += 1
                        }
                    }
                }
            }
        }
        try store.write { db in
            try Audit.append(db, operator: op, at: now, action: "importHistoryUndone", entity: RepairOrder.table,
                             entityID: nil, detail: ["orders": .int(Int64(createdOrderIDs.count)), "kept": .int(Int64(kept))])
        }
        return kept
    }
}
