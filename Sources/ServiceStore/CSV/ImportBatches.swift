import Foundation
import GRDB
import ServiceDomain

/// What one import changes, worked out by `ImportApplier` from one read snapshot.
struct ImportPlan {
    var report: ImportReport
    /// The ids the plan gave the rows it creates start here; `applyImport` moves them past whatever
    /// terminals saved since.
    let firstNewCustomerID: RowID
    let firstNewVehicleID: RowID
    var newCustomers: [(id: RowID, customer: Customer)]
    var newVehicles: [Vehicle]
    var customerUpdates: [(stored: Customer, final: Customer)]
    var vehicleUpdates: [(stored: Vehicle, final: Vehicle)]
    /// The mileage column's readings, written once the cars are.
    var readings: [PlannedReading] = []
}

/// An import stopped while it was being written (another terminal changed or took something it
/// needed, the disk filled up): what it had written was taken back.
public struct ImportUndone: UserFacingError, Equatable {
    public let reason: Message
    /// Rows created by the import that stayed because a terminal already used them (a repair order on
    /// a new car, say). Zero in all but the rarest case.
    public let kept: Int

    public var message: Message {
        let keptNote = kept == 0 ? Message(zh: "", en: "")
            : Message(zh: "（有 \(kept) 条新建记录已被其他终端使用，予以保留）",
                      en: " (\(kept) created records were kept because another terminal already used them)")
        return Message(
            zh: "导入在写入时中止：\(reason.zh)。已写入的部分已撤回\(keptNote.zh)，文件中的内容均未保留；请重新导入。",
            en: "The import stopped while being written: \(reason.en). What it had written was taken back\(keptNote.en); "
                + "nothing of the file was kept. Run the import again.")
    }
}

/// Long imports are written in short transactions, so that terminals' saves interleave with them instead
/// of waiting behind one long write (120,000 rows held the write lock for 37 s, longer than any busy
/// timeout). All or nothing stays true for the user: every row was checked against one snapshot before
/// anything is written, each stored record is updated only if nobody changed it since that snapshot
/// (versions), and if a batch fails, the batches already written are taken back (created rows deleted,
/// updated rows set back) before the error is reported. Meanwhile the rows show up batch by batch on
/// other terminals. Each batch has its own audit row (`importBatch`), so a process killed between two
/// batches leaves audited rows that `advisor import` of the same file then matches instead of doubling.
extension AppDatabase {
    /// Rows per transaction. A row costs about 1 ms to write here (its search-index triggers included),
    /// several times that on a loaded machine: 200 keep each transaction well under a second even then,
    /// far below the 5 s busy timeout terminals wait.
    static let importBatchRows = 200

    /// Writes `plan`; returns the id ranges created. `summary` is the import's own audit row detail.
    @discardableResult
    func applyImport(_ plan: ImportPlan, operator op: Operator, now: Date,
                     summary: [String: AuditValue]) throws -> (customers: ClosedRange<RowID>?, vehicles: ClosedRange<RowID>?) {
        var undo = ImportUndo()
        do {
            // Reserve the ids: AUTOINCREMENT hands terminals ids past the range from now on.
            let (shiftC, shiftV) = try write { db -> (RowID, RowID) in
                let firstC = try Self.nextID(db, table: Customer.table)
                let firstV = try Self.nextID(db, table: Vehicle.table)
                try Self.reserve(db, table: Customer.table, through: firstC + RowID(plan.newCustomers.count) - 1)
                try Self.reserve(db, table: Vehicle.table, through: firstV + RowID(plan.newVehicles.count) - 1)
                return (firstC - plan.firstNewCustomerID, firstV - plan.firstNewVehicleID)
            }
            let customers = plan.newCustomers.map { (id: $0.id + shiftC, customer: $0.customer) }
            let vehicles = plan.newVehicles.map { vehicle -> Vehicle in
                var v = vehicle
                v.id = vehicle.id! + shiftV
                if v.ownerID >= plan.firstNewCustomerID { v.ownerID += shiftC }
                return v
            }
            undo.customerIDs = customers.first.map { $0.id...customers.last!.id }
            undo.vehicleIDs = vehicles.first.map { $0.id!...vehicles.last!.id! }

            for chunk in plan.customerUpdates.chunked(Self.importBatchRows / 4) {
                try Self.paced { try write { db in
                    for (stored, final) in chunk {
                        let saved = try writeCustomer(db, final, operator: op, now: now)
                        undo.customers.append((stored, saved.version))
                    }
                } }
            }
            for chunk in plan.vehicleUpdates.chunked(Self.importBatchRows / 4) {
                try Self.paced { try write { db in
                    for (stored, final) in chunk {
                        let saved = try writeVehicle(db, final, operator: op, now: now)
                        undo.vehicles.append((stored, saved.version))
                    }
                } }
            }
            // New customers with their new vehicles, a batch at a time; then new vehicles of stored customers.
            let newOwner = customers.first?.id ?? .max
            var byOwner: [RowID: [Vehicle]] = [:]
            var ofStored: [Vehicle] = []
            for v in vehicles {
                if v.ownerID >= newOwner { byOwner[v.ownerID, default: []].append(v) } else { ofStored.append(v) }
            }
            var batches: [([(id: RowID, customer: Customer)], [Vehicle])] = []
            for chunk in customers.chunked(Self.importBatchRows) {
                batches.append((Array(chunk), chunk.flatMap { byOwner[$0.id] ?? [] }))
            }
            for chunk in ofStored.chunked(Self.importBatchRows) { batches.append(([], Array(chunk))) }
            for (chunk, chunkVehicles) in batches {
                try Self.paced {
                try writeInBulk { db in
                    try Self.insertNew(customers: chunk, vehicles: chunkVehicles, db)
                    try Audit.append(db, operator: op, at: now, action: "importBatch", entity: Customer.table,
                                     entityID: nil, detail: Self.rangeDetail(chunk.map(\.id), chunkVehicles.map { $0.id! }))
                }
                }
            }
            for chunk in plan.readings.chunked(Self.importBatchRows) {
                try Self.paced { try write { db in
                    undo.readingIDs += try ImportReadings.insert(db, chunk, now: now)
                } }
            }
            var detail = summary
            if let ids = undo.customerIDs {
                detail["firstCustomerID"] = .int(ids.lowerBound)
                detail["lastCustomerID"] = .int(ids.upperBound)
            }
            if let ids = undo.vehicleIDs {
                detail["firstVehicleID"] = .int(ids.lowerBound)
                detail["lastVehicleID"] = .int(ids.upperBound)
            }
            try write { db in
                try Audit.append(db, operator: op, at: now, action: "import", entity: Customer.table, entityID: nil,
                                 detail: detail)
            }
            return (undo.customerIDs, undo.vehicleIDs)
        } catch {
            let reason: Message
            if let dbError = error as? DatabaseError, dbError.resultCode == .SQLITE_CONSTRAINT {
                // Checked against the snapshot, so only a save made since can collide.
                let detail = dbError.message ?? "constraint"
                reason = Message(zh: "其他终端刚刚登记了文件中也有的客户或车辆（\(detail)）",
                                 en: "another terminal has just registered a customer or car the file also has (\(detail))")
            } else {
                reason = (userFacing(error) as? UserFacingError)?.message ?? Message(zh: "\(error)", en: "\(error)")
            }
            let kept = (try? undoImport(undo, operator: op, now: now)) ?? 0
            throw ImportUndone(reason: reason, kept: kept)
        }
    }

    /// Runs one batch's transaction, then leaves the write lock free for as long as the batch held it
    /// (20 ms to 0.5 s). Short transactions alone are not enough: SQLite's busy handler retries at
    /// growing intervals (up to 100 ms), and an import that begins its next batch the instant the last
    /// one commits holds the lock nearly all the time, so a terminal's save kept missing every gap and
    /// still timed out ("locked") beside a 30,000-row import. Halving the import's pace keeps gaps wide.
    static func paced(_ body: () throws -> Void) throws {
        let started = Date()
        try body()
        let held = Date().timeIntervalSince(started)
        usleep(UInt32(Swift.min(Swift.max(held, 0.02), 0.5) * 1_000_000))
    }

    /// Moves AUTOINCREMENT's high-water mark of `table` up to `last` (never down).
    private static func reserve(_ db: Database, table: String, through last: RowID) throws {
        guard last > 0 else { return }
        try db.execute(sql: "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?", arguments: [last, table])
        if db.changesCount == 0 {
            try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [table, last])
        }
    }

    private static func rangeDetail(_ customers: [RowID], _ vehicles: [RowID]) -> [String: AuditValue] {
        var detail: [String: AuditValue] = ["customers": .int(Int64(customers.count)), "vehicles": .int(Int64(vehicles.count))]
        if let first = customers.first, let last = customers.last {
            detail["firstCustomerID"] = .int(first)
            detail["lastCustomerID"] = .int(last)
        }
        if let first = vehicles.first, let last = vehicles.last {
            detail["firstVehicleID"] = .int(first)
            detail["lastVehicleID"] = .int(last)
        }
        return detail
    }

    /// Takes back what an import wrote before it stopped: its new vehicles and customers (a row a
    /// terminal already refers to stays, and is counted), and its updates (set back to the stored state
    /// unless a terminal changed the record since). Returns how many created rows stayed.
    private func undoImport(_ undo: ImportUndo, operator op: Operator, now: Date) throws -> Int {
        var kept = 0
        // Readings first: they refer to the cars taken back below.
        for chunk in undo.readingIDs.chunked(Self.importBatchRows * 2) {
            try write { db in
                for id in chunk {
                    try db.cachedStatement(sql: "DELETE FROM mileage_reading WHERE id = ?").execute(arguments: [id])
                }
            }
        }
        for (table, range) in [(Vehicle.table, undo.vehicleIDs), (Customer.table, undo.customerIDs)] {
            guard let range else { continue }
            for chunk in Array(range).chunked(Self.importBatchRows * 2) {
                try write { db in
                    for id in chunk {
                        // Rows of the range the batch that failed never wrote delete nothing.
                        do {
                            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE id = ?").execute(arguments: [id])
                        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                            kept += 1
                        }
                    }
                }
            }
        }
        try write { db in
            for (stored, version) in undo.customers {
                var back = stored
                back.version = version
                _ = try? writeCustomer(db, back, operator: op, now: now)
            }
            for (stored, version) in undo.vehicles {
                var back = stored
                back.version = version
                _ = try? writeVehicle(db, back, operator: op, now: now)
            }
            try Audit.append(db, operator: op, at: now, action: "importUndone", entity: Customer.table, entityID: nil,
                             detail: Self.rangeDetail(undo.customerIDs.map { [$0.lowerBound, $0.upperBound] } ?? [],
                                                      undo.vehicleIDs.map { [$0.lowerBound, $0.upperBound] } ?? [])
                                 .merging(["kept": .int(Int64(kept))]) { a, _ in a })
        }
        return kept
    }
}

/// What an import wrote so far, to take it back.
private struct ImportUndo {
    var customerIDs: ClosedRange<RowID>?
    var vehicleIDs: ClosedRange<RowID>?
    /// Stored records updated: their state before, and the version the import's write gave them.
    var customers: [(Customer, Int)] = []
    var vehicles: [(Vehicle, Int)] = []
    /// Odometer readings the mileage column added.
    var readingIDs: [RowID] = []
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: Swift.max(size, 1)).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
