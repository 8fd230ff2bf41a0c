import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// Settles an order: computes every line and the totals in the domain, writes the computed amounts on the
    /// work lines (the delivery gate and reports read them), allocates the day's settlement number and freezes
    /// the lines as version 1. Refused when the order is already settled (correct it instead), has no charged
    /// lines, or an insurance line lacks its claim number, a goodwill line its manager, a repaired or used
    /// part its consent. Advisors and above (`deliver`); one transaction, audited.
    @discardableResult
    public func settle(roID: RowID, operator op: Operator, now: Date) throws -> Settlement {
        try write { db in
            try SettlementAccess.require(db, .deliver, op)
            guard let order = try Persistence.fetch(RepairOrder.self, db, id: roID) else {
                throw StoreError.notFound(entity: RepairOrder.table, id: roID)
            }
            try Self.checkUnsettled(db, order: order)
            let dayKey = RONumber.dayKey(now, timeZone: timeZone)
            let sequence = try Int.fetchOne(db, sql: """
                INSERT INTO settlement_sequence (day_key, last_value) VALUES (?, 1)
                ON CONFLICT (day_key) DO UPDATE SET last_value = last_value + 1
                RETURNING last_value
                """, arguments: [dayKey])!
            let number = SettlementNumber.make(at: now, sequence: sequence, timeZone: timeZone)
            let saved = try Self.freeze(db, order: order, number: number, versionNo: 1, reason: "", operator: op, now: now)
            try Audit.append(db, operator: op, at: now, action: "settle", entity: RepairOrder.table, entityID: roID, detail: [
                "number": .string(number), "version_no": .int(1), "customer_pays": .int(saved.customerPays.value),
                "total": .int(saved.total.value)])
            return saved
        }
    }

    /// Corrects a settled order: the current version is kept (no longer current), the corrections are applied
    /// to the lines, and the result is frozen as the next version of the same settlement number with the reason.
    @discardableResult
    public func correctSettlement(roID: RowID, reason: String, corrections: [SettlementCorrection],
                                  operator op: Operator, now: Date) throws -> Settlement {
        let why = try FreeText.clean(reason, field: .reason, maxLength: 200, required: true)
        return try write { db in
            try SettlementAccess.require(db, .deliver, op)
            guard let order = try Persistence.fetch(RepairOrder.self, db, id: roID) else {
                throw StoreError.notFound(entity: RepairOrder.table, id: roID)
            }
            guard let current = try Row.fetchOne(db, sql: "SELECT * FROM settlement WHERE repair_order_id = ? AND is_current = 1",
                                                 arguments: [roID]).map(SettlementRows.settlement) else {
                throw SettlementError(Message(zh: "工单 \(order.number) 还没有结算", en: "Order \(order.number) is not settled yet"))
            }
            try db.execute(sql: "UPDATE settlement SET is_current = 0 WHERE id = ?", arguments: [current.id!])
            for correction in corrections { try Self.apply(db, correction, roID: roID) }
            let saved = try Self.freeze(db, order: order, number: current.number, versionNo: current.versionNo + 1,
                                        reason: why, operator: op, now: now)
            try Audit.append(db, operator: op, at: now, action: "correctSettlement", entity: RepairOrder.table, entityID: roID, detail: [
                "number": .string(current.number), "version_no": .int(Int64(saved.versionNo)), "reason": .string(why),
                "customer_pays": .change(old: current.customerPays.value.databaseValue, new: saved.customerPays.value.databaseValue),
                "corrections": .int(Int64(corrections.count))])
            return saved
        }
    }

    /// The order's current settlement, if settled.
    public func currentSettlement(roID: RowID) throws -> Settlement? {
        try dbPool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM settlement WHERE repair_order_id = ? AND is_current = 1",
                             arguments: [roID]).map(SettlementRows.settlement)
        }
    }

    /// Every version of the order's settlement, first first.
    public func settlementVersions(roID: RowID) throws -> [Settlement] {
        try dbPool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM settlement WHERE repair_order_id = ? ORDER BY version_no",
                             arguments: [roID]).map(SettlementRows.settlement)
        }
    }

    /// The order's part lines and consents, for the desk and the statement.
    public func partLines(roID: RowID) throws -> [PartLine] {
        try dbPool.read { db in try SettlementRows.parts(db, roID: roID) }
    }

    public func lineCharges(roID: RowID) throws -> [RowID: WorkLineCharge] {
        try dbPool.read { db in try SettlementRows.charges(db, roID: roID) }
    }

    public func partConsents(roID: RowID) throws -> [PartConsent] {
        try dbPool.read { db in try SettlementRows.consents(db, roID: roID) }
    }

    // MARK: Freezing

    /// Computes the lines and totals, writes the amounts back on the work lines, inserts the version.
    private static func freeze(_ db: Database, order: RepairOrder, number: String, versionNo: Int, reason: String,
                               operator op: Operator, now: Date) throws -> Settlement {
        let roID = order.id!
        let jobs = try Persistence.fetchAll(Job.self, db, where: "repair_order_id = ? ORDER BY id", arguments: [roID])
        let charges = try SettlementRows.charges(db, roID: roID)
        let lines = SettlementMath.lines(jobs: jobs, charges: charges, parts: try SettlementRows.parts(db, roID: roID))
        try SettlementMath.checkSettleable(lines, charges: charges, consentedParts: try SettlementRows.consentedParts(db, roID: roID))
        let orderDiscount = try Fen.fetchOrderDiscount(db, roID: roID)
        let totals = try SettlementMath.totals(lines, orderDiscount: orderDiscount)
        for line in lines {
            try db.execute(sql: "UPDATE job SET labour = ?, parts = ?, version = version + 1 WHERE id = ? AND (labour <> ? OR parts <> ?)",
                           arguments: [line.labour.value, line.partsAmount.value, line.jobID, line.labour.value, line.partsAmount.value])
        }
        try db.execute(sql: """
            INSERT INTO settlement (repair_order_id, number, version_no, is_current, lines_json, order_discount,
                                    customer_pays, total, reason, settled_by_id, settled_at)
            VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [roID, number, versionNo, try SettlementRows.linesJSON(lines), orderDiscount.value,
                             totals.customerPays.value, totals.total.value, reason, op.staffID, now])
        try db.execute(sql: "UPDATE repair_order SET version = version + 1 WHERE id = ?", arguments: [roID])
        return Settlement(id: db.lastInsertedRowID, repairOrderID: roID, number: number, versionNo: versionNo, isCurrent: true,
                          lines: lines, orderDiscount: orderDiscount, customerPays: totals.customerPays, total: totals.total,
                          reason: reason, settledByID: op.staffID, settledAt: now)
    }

    private static func apply(_ db: Database, _ correction: SettlementCorrection, roID: RowID) throws {
        func partOfOrder(_ id: RowID) throws -> PartLine {
            guard let part = try Persistence.fetch(PartLine.self, db, id: id),
                  try Persistence.fetch(Job.self, db, id: part.jobID)?.repairOrderID == roID else {
                throw StoreError.notFound(entity: PartLine.table, id: id)
            }
            return part
        }
        func jobOfOrder(_ id: RowID) throws -> Job {
            guard let job = try Persistence.fetch(Job.self, db, id: id), job.repairOrderID == roID else {
                throw StoreError.notFound(entity: Job.table, id: id)
            }
            return job
        }
        switch correction {
        case .labourHours(let jobID, let hundredths):
            let job = try jobOfOrder(jobID)
            guard (0...20_000).contains(hundredths) else {
                throw SettlementError(Message(zh: "工时应在 0 到 200 小时之间", en: "Labour hours must be between 0 and 200"))
            }
            try db.execute(sql: "UPDATE job SET labour_hours = ?, version = version + 1 WHERE id = ?",
                           arguments: [Double(hundredths) / 100, job.id!])
        case .partQuantity(let id, let hundredths):
            _ = try partOfOrder(id)
            guard hundredths > 0 else { throw SettlementError(Message(zh: "数量应大于 0", en: "The quantity must be above 0")) }
            try db.execute(sql: "UPDATE part_line SET quantity_hundredths = ? WHERE id = ?", arguments: [hundredths, id])
        case .partPrice(let id, let price):
            _ = try partOfOrder(id)
            guard price >= .zero else { throw SettlementError(Message(zh: "单价不能为负数", en: "A unit price cannot be negative")) }
            try db.execute(sql: "UPDATE part_line SET unit_price = ? WHERE id = ?", arguments: [price.value, id])
        case .paymentBasis(let jobID, let basis, let claim):
            _ = try jobOfOrder(jobID)
            var charge = try SettlementRows.charge(db, jobID: jobID) ?? WorkLineCharge(jobID: jobID)
            charge.paymentBasis = basis
            charge.claimNumber = basis == .insurance ? FreeText.sanitize(claim) : ""
            try SettlementRows.save(db, charge)
        }
        if case .partQuantity(let id, _) = correction { try refreshPartsAmount(db, jobID: try partOfOrder(id).jobID) }
        if case .partPrice(let id, _) = correction { try refreshPartsAmount(db, jobID: try partOfOrder(id).jobID) }
    }
}

extension Fen {
    static func fetchOrderDiscount(_ db: Database, roID: RowID) throws -> Fen {
        Fen(try Int64.fetchOne(db, sql: "SELECT amount FROM order_discount WHERE repair_order_id = ?", arguments: [roID]) ?? 0)
    }
}
