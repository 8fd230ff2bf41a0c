import Foundation
import GRDB
import ServiceDomain

/// Writes on an order's lines before settlement: catalogue labour, who pays, part lines, consent to
/// repaired or used parts, discounts. One transaction each, the operator's permission checked inside it,
/// audited. A settled order refuses them all (the triggers of `settle-3` hold that even against a bug here).
extension AppDatabase {
    /// Adds an operation of the labour catalogue to an order: its name, its standard hours and the rate of its
    /// labour type. At check-in it is a planned line; once the car is in the workshop it is additional work
    /// awaiting the customer's answer, like any work found there.
    @discardableResult
    public func addCatalogueLabour(roID: RowID, code: String, operator op: Operator, now: Date) throws -> Job {
        try write { db in
            try SettlementAccess.requireAny(db, [.moveRepairOrder, .recordJobProgress], op)
            guard let order = try Persistence.fetch(RepairOrder.self, db, id: roID) else {
                throw StoreError.notFound(entity: RepairOrder.table, id: roID)
            }
            try Self.checkUnsettled(db, order: order)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM labour_operation WHERE code = ?", arguments: [code]) else {
                throw SettlementError(Message(zh: "工时目录中没有代码 \(FreeText.sanitize(code))",
                                              en: "The labour catalogue has no code \(FreeText.sanitize(code))"))
            }
            let operation = LabourOperation(code: row["code"], name: row["name"], labourType: row["labour_type"],
                                            standardHundredths: row["standard_hundredths"])
            guard let rate = try Self.labourRate(db, labourType: operation.labourType) else {
                throw SettlementError(Message(
                    zh: "工种“\(operation.labourType)”还没有工时单价：请管理员运行 advisor labour-rate set \(operation.labourType) 单价",
                    en: "The labour type \"\(operation.labourType)\" has no hourly rate yet: ask an admin to run "
                        + "advisor labour-rate set \(operation.labourType) YUAN"))
            }
            let inWorkshop = order.stage != .checkedIn
            let technician = try Persistence.fetchAll(Job.self, db, where: "repair_order_id = ? ORDER BY id", arguments: [roID])
                .last(where: { $0.technicianID != nil })?.technicianID
            let job = try Persistence.insert(Job(
                repairOrderID: roID, description: operation.name, technicianID: inWorkshop ? technician : nil,
                status: inWorkshop ? .awaitingApproval : .pending, isAdditional: inWorkshop,
                labour: MoneyRounding.amount(unit: rate, hundredths: operation.standardHundredths),
                labourHours: Double(operation.standardHundredths) / 100), db)
            let charge = WorkLineCharge(jobID: job.id!, operationCode: operation.code, labourType: operation.labourType, rate: rate)
            try SettlementRows.save(db, charge)
            var detail = Audit.values(job.columns)
            detail["operation_code"] = .string(operation.code)
            detail["rate"] = .int(rate.value)
            try Audit.append(db, operator: op, at: now, action: "insert", entity: Job.table, entityID: job.id, detail: detail)
            _ = try touch(db, order: order)
            return job
        }
    }

    /// Who pays for a line: the customer, the maker (warranty), an insurer (with its claim number) or the
    /// shop (goodwill, approved by a manager, whose staff id is kept).
    public func setPaymentBasis(jobID: RowID, basis: PaymentBasis, claimNumber: String = "",
                                goodwillApproverID: RowID? = nil, operator op: Operator, now: Date) throws {
        let claim = try FreeText.clean(claimNumber, field: .other, maxLength: 40)
        if basis == .insurance && claim.isEmpty {
            throw SettlementError(Message(zh: "保险理赔须填写理赔单号", en: "An insurance line needs the claim number"))
        }
        try write { db in
            try SettlementAccess.require(db, .moveRepairOrder, op)
            let (job, order) = try Self.lineAndOrder(db, jobID: jobID)
            try Self.checkUnsettled(db, order: order)
            if basis == .goodwill {
                guard let id = goodwillApproverID, let approver = try Persistence.fetch(Staff.self, db, id: id), approver.isActive
                else { throw SettlementError(Message(zh: "善意项目须由服务经理批准", en: "Goodwill must be approved by a manager")) }
                try DiscountRules.checkGoodwillApprover(roles: approver.roles)
            }
            var charge = try SettlementRows.charge(db, jobID: jobID) ?? WorkLineCharge(jobID: jobID)
            let before = charge
            charge.paymentBasis = basis
            charge.claimNumber = basis == .insurance ? claim : ""
            charge.goodwillApproverID = basis == .goodwill ? goodwillApproverID : nil
            try SettlementRows.save(db, charge)
            try Audit.append(db, operator: op, at: now, action: "paymentBasis", entity: Job.table, entityID: job.id, detail: [
                "payment_basis": .change(old: before.paymentBasis.rawValue.databaseValue, new: basis.rawValue.databaseValue),
                "claim_number": .string(charge.claimNumber),
                "goodwill_approver_id": charge.goodwillApproverID.map { .int($0) } ?? .null,
            ])
        }
    }

    /// Adds a part to a line. The line's parts amount is then the sum of its part lines (quantity × unit price,
    /// half up), written on the line so the order's totals and the delivery gate see it.
    @discardableResult
    public func addPartLine(_ part: PartLine, operator op: Operator, now: Date) throws -> PartLine {
        var p = part
        p.number = try FreeText.clean(part.number, field: .other, maxLength: 40)
        p.name = try FreeText.clean(part.name, field: .other, maxLength: 60, required: true)
        p.fittedAt = nil
        guard p.quantityHundredths > 0, p.quantityHundredths <= 1_000_000 else {
            throw SettlementError(Message(zh: "数量应大于 0（最多两位小数）", en: "The quantity must be above 0 (at most two decimals)"))
        }
        guard p.unitPrice >= .zero, p.unitPrice <= YuanInput.maximum else {
            throw SettlementError(Message(zh: "单价应在 ¥0 到 ¥10,000,000 之间", en: "A unit price must be between ¥0 and ¥10,000,000"))
        }
        return try write { db in
            try SettlementAccess.requireAny(db, [.moveRepairOrder, .recordJobProgress], op)
            let (_, order) = try Self.lineAndOrder(db, jobID: p.jobID)
            try Self.checkUnsettled(db, order: order)
            let saved = try Persistence.insert(p, db)
            try Self.refreshPartsAmount(db, jobID: p.jobID)
            try Audit.append(db, operator: op, at: now, action: "insert", entity: PartLine.table, entityID: saved.id,
                             detail: Audit.values(saved.columns))
            _ = try touch(db, order: order)
            return saved
        }
    }

    /// The customer's consent to a repaired or used part: who gave it and how, recorded by the operator now.
    public func recordPartConsent(partLineID: RowID, givenBy: String, method: ApprovalMethod, operator op: Operator,
                                  now: Date) throws {
        let who = try FreeText.clean(givenBy, field: .name, maxLength: 40, required: true)
        try write { db in
            try SettlementAccess.require(db, .moveRepairOrder, op)
            guard let part = try Persistence.fetch(PartLine.self, db, id: partLineID) else {
                throw StoreError.notFound(entity: PartLine.table, id: partLineID)
            }
            let (_, order) = try Self.lineAndOrder(db, jobID: part.jobID)
            try Self.checkUnsettled(db, order: order)
            try db.execute(sql: """
                INSERT INTO part_consent (part_line_id, given_by, method, recorded_by_id, at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [partLineID, who, method.rawValue, op.staffID, now])
            try Audit.append(db, operator: op, at: now, action: "partConsent", entity: PartLine.table, entityID: partLineID,
                             detail: ["given_by": .string(who), "method": .string(method.rawValue), "kind": .string(part.kind.rawValue)])
        }
    }

    /// The part goes on the car: refused for a repaired or used part without the customer's consent on record.
    public func markPartFitted(partLineID: RowID, operator op: Operator, now: Date) throws {
        try write { db in
            try SettlementAccess.requireAny(db, [.recordJobProgress, .moveRepairOrder], op)
            guard let part = try Persistence.fetch(PartLine.self, db, id: partLineID) else {
                throw StoreError.notFound(entity: PartLine.table, id: partLineID)
            }
            let consented = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM part_consent WHERE part_line_id = ?)",
                                              arguments: [partLineID]) ?? false
            try ConsentRules.checkFitting(part, hasConsent: consented)
            try db.execute(sql: "UPDATE part_line SET fitted_at = ? WHERE id = ?", arguments: [now, partLineID])
            try Audit.append(db, operator: op, at: now, action: "partFitted", entity: PartLine.table, entityID: partLineID, detail: [:])
        }
    }

    /// What happens to the part a part line replaces: the check-in form's choice, confirmed at delivery.
    public func setOldPartDisposition(partLineID: RowID, _ disposition: OldPartDisposition, operator op: Operator,
                                      now: Date) throws {
        try write { db in
            try SettlementAccess.require(db, .moveRepairOrder, op)
            guard let part = try Persistence.fetch(PartLine.self, db, id: partLineID) else {
                throw StoreError.notFound(entity: PartLine.table, id: partLineID)
            }
            let (_, order) = try Self.lineAndOrder(db, jobID: part.jobID)
            try Self.checkUnsettled(db, order: order)
            try db.execute(sql: "UPDATE part_line SET old_part = ? WHERE id = ?", arguments: [disposition.rawValue, partLineID])
            try Audit.append(db, operator: op, at: now, action: "oldPart", entity: PartLine.table, entityID: partLineID, detail: [
                "old_part": .change(old: part.oldPart?.rawValue.databaseValue ?? .null, new: disposition.rawValue.databaseValue)])
        }
    }

    /// Gives a discount on one line (`jobID`) or on the order (`jobID` nil), checked against the operator's
    /// role limit (a setting per role). A discount beyond an advisor's limit given by someone whose limit
    /// covers it (a manager) is the audited approval: their staff id is kept with the discount. Beyond the
    /// operator's limit it is refused, naming the limit.
    public func approveDiscount(roID: RowID, jobID: RowID?, amount: Fen, operator op: Operator, now: Date) throws {
        try write { db in
            let roles = try SettlementAccess.require(db, .deliver, op)
            guard let order = try Persistence.fetch(RepairOrder.self, db, id: roID) else {
                throw StoreError.notFound(entity: RepairOrder.table, id: roID)
            }
            try Self.checkUnsettled(db, order: order)
            let jobs = try Persistence.fetchAll(Job.self, db, where: "repair_order_id = ? ORDER BY id", arguments: [roID])
            var charges = try SettlementRows.charges(db, roID: roID)
            let lines = SettlementMath.lines(jobs: jobs, charges: charges, parts: try SettlementRows.parts(db, roID: roID))
            let gross: Fen
            if let jobID {
                guard let line = lines.first(where: { $0.jobID == jobID }) else {
                    throw SettlementError(Message(zh: "该项目不收费或不在此工单上", en: "That line is not charged or not on this order"))
                }
                gross = line.gross
            } else {
                gross = try SettlementMath.totals(lines, orderDiscount: .zero).subtotal(.customer)
            }
            let limits = try Self.discountLimits(db)
            _ = try DiscountRules.check(discount: amount, on: gross, roles: roles, limits: limits, approver: nil)
            let needsApproval = amount > MoneyRounding.share(of: gross, basisPoints: limits.limit(for: [.advisor]))
            let approver: RowID? = needsApproval ? op.staffID : nil
            if let jobID {
                var charge = charges[jobID] ?? WorkLineCharge(jobID: jobID)
                charge.discount = amount
                charge.discountApproverID = approver
                charges[jobID] = charge
                try SettlementRows.save(db, charge)
            } else {
                try db.execute(sql: """
                    INSERT INTO order_discount (repair_order_id, amount, approver_id) VALUES (?, ?, ?)
                    ON CONFLICT (repair_order_id) DO UPDATE SET amount = excluded.amount, approver_id = excluded.approver_id
                    """, arguments: [roID, amount.value, approver])
            }
            try Audit.append(db, operator: op, at: now, action: needsApproval ? "approveDiscount" : "discount",
                             entity: RepairOrder.table, entityID: roID, detail: [
                                 "job_id": jobID.map { .int($0) } ?? .null, "amount": .int(amount.value), "gross": .int(gross.value)])
        }
    }

    // MARK: Shared checks

    static func lineAndOrder(_ db: Database, jobID: RowID) throws -> (Job, RepairOrder) {
        guard let job = try Persistence.fetch(Job.self, db, id: jobID) else { throw StoreError.notFound(entity: Job.table, id: jobID) }
        guard let order = try Persistence.fetch(RepairOrder.self, db, id: job.repairOrderID) else {
            throw StoreError.notFound(entity: RepairOrder.table, id: job.repairOrderID)
        }
        return (job, order)
    }

    /// Lines change only on an open order without a current settlement.
    static func checkUnsettled(_ db: Database, order: RepairOrder) throws {
        if let number = try String.fetchOne(db, sql: "SELECT number FROM settlement WHERE repair_order_id = ? AND is_current = 1",
                                            arguments: [order.id!]) {
            throw SettlementError(Message(
                zh: "工单 \(order.number) 已结算（\(number)），项目已冻结；如需更正请做结算更正并写明原因",
                en: "Order \(order.number) is settled (\(number)); its lines are frozen. Correct the settlement, with a reason"))
        }
        guard order.stage.isOpen else {
            throw SettlementError(Message(zh: "工单已关闭", en: "The order is closed"))
        }
    }

    /// A line with part lines bills their sum as its parts amount.
    static func refreshPartsAmount(_ db: Database, jobID: RowID) throws {
        let parts = try Persistence.fetchAll(PartLine.self, db, where: "job_id = ?", arguments: [jobID])
        guard !parts.isEmpty else { return }
        let sum = parts.reduce(Fen.zero) { $0 + $1.amount }
        try db.execute(sql: "UPDATE job SET parts = ?, version = version + 1 WHERE id = ?", arguments: [sum.value, jobID])
    }
}
