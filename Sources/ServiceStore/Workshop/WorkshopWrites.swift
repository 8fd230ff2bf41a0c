import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// Puts `technicianID` on every job of the order still to do and, when the order is only checked in,
    /// dispatches it, in one transaction. An order with no jobs gets one job per concern (the concerns are
    /// the work). Moving a job from another technician needs `reason`. Version checked on the order.
    @discardableResult
    public func dispatch(roID: RowID, technicianID: RowID, version: Int, reason: String = "", operator op: Operator,
                         now: Date) throws -> RepairOrder {
        let cleanReason = try FreeText.clean(reason, field: .reason, maxLength: 200)
        return try write { db in
            guard var order = try Persistence.fetch(RepairOrder.self, db, id: roID) else {
                throw StoreError.notFound(entity: RepairOrder.table, id: roID)
            }
            guard order.version == version else { throw try conflictError(db, entity: RepairOrder.table, id: roID) }
            guard order.stage.isOpen, order.stage != .onHold else {
                throw StoreError.notAllowed(Message(
                    zh: "“\(order.stage.label.zh)”的工单不能派工", en: "An order \(order.stage.label.en.lowercased()) cannot be dispatched"))
            }
            guard let technician = try Persistence.fetch(Staff.self, db, id: technicianID) else {
                throw StoreError.notFound(entity: Staff.table, id: technicianID)
            }
            try DispatchRules.checkTechnician(technician)
            var jobs = try Persistence.fetchAll(Job.self, db, where: "repair_order_id = ? ORDER BY id", arguments: [roID])
            if !jobs.contains(where: DispatchRules.isOpenWork) && order.stage == .checkedIn {
                let concerns = try Persistence.fetchAll(Concern.self, db, where: "repair_order_id = ? ORDER BY id",
                                                        arguments: [roID])
                for concern in concerns {
                    let job = try Persistence.insert(
                        Job(repairOrderID: roID, description: String(concern.text.prefix(200))), db)
                    try Audit.append(db, operator: op, at: now, action: "insert", entity: Job.table, entityID: job.id,
                                     detail: Audit.values(job.columns))
                    jobs.append(job)
                }
            }
            let open = jobs.filter(DispatchRules.isOpenWork)
            for job in open { try DispatchRules.checkReassign(job: job, to: technicianID, reason: cleanReason) }
            for job in open where job.technicianID != technicianID {
                try db.execute(sql: "UPDATE job SET technician_id = ?, version = version + 1 WHERE id = ?",
                               arguments: [technicianID, job.id!])
                _ = try Persistence.insert(
                    JobAssignment(jobID: job.id!, fromTechnicianID: job.technicianID, toTechnicianID: technicianID,
                                  reason: job.technicianID == nil ? "" : cleanReason, at: now, operatorID: op.staffID), db)
                try Audit.append(db, operator: op, at: now, action: job.technicianID == nil ? "assign" : "reassign",
                                 entity: Job.table, entityID: job.id,
                                 detail: ["technician_id": .change(old: dbValue(job.technicianID),
                                                                   new: technicianID.databaseValue),
                                          "reason": .string(cleanReason)])
            }
            if order.stage == .checkedIn {
                order = try moveStage(db, order: order, to: .dispatched, note: "", operator: op, now: now)
            } else if !open.isEmpty {
                order = try touch(db, order: order)
            }
            return order
        }
    }

    /// Puts `technicianID` on one job (a job with a technician already needs `reason`). The order is not moved:
    /// dispatching it is `dispatch(roID:…)` once every job has a technician.
    @discardableResult
    public func assignTechnician(jobID: RowID, technicianID: RowID, reason: String = "", operator op: Operator,
                                 now: Date) throws -> Job {
        let cleanReason = try FreeText.clean(reason, field: .reason, maxLength: 200)
        return try write { db in
            guard var job = try Persistence.fetch(Job.self, db, id: jobID) else {
                throw StoreError.notFound(entity: Job.table, id: jobID)
            }
            guard DispatchRules.isOpenWork(job) || job.status == .awaitingApproval else {
                throw DispatchError(message: Message(zh: "已完工或客户拒绝的项目不能派工",
                                                     en: "Finished or declined work cannot be assigned"))
            }
            guard let technician = try Persistence.fetch(Staff.self, db, id: technicianID) else {
                throw StoreError.notFound(entity: Staff.table, id: technicianID)
            }
            try DispatchRules.checkTechnician(technician)
            try DispatchRules.checkReassign(job: job, to: technicianID, reason: cleanReason)
            guard job.technicianID != technicianID else { return job }
            try db.execute(sql: "UPDATE job SET technician_id = ?, version = version + 1 WHERE id = ?",
                           arguments: [technicianID, jobID])
            _ = try Persistence.insert(
                JobAssignment(jobID: jobID, fromTechnicianID: job.technicianID, toTechnicianID: technicianID,
                              reason: job.technicianID == nil ? "" : cleanReason, at: now, operatorID: op.staffID), db)
            try Audit.append(db, operator: op, at: now, action: job.technicianID == nil ? "assign" : "reassign",
                             entity: Job.table, entityID: jobID,
                             detail: ["technician_id": .change(old: dbValue(job.technicianID),
                                                               new: technicianID.databaseValue),
                                      "reason": .string(cleanReason)])
            if let order = try Persistence.fetch(RepairOrder.self, db, id: job.repairOrderID) {
                _ = try touch(db, order: order)
            }
            job.technicianID = technicianID
            return job
        }
    }

    /// Additional work found in the workshop: added awaiting the customer's approval.
    @discardableResult
    public func addAdditionalJob(roID: RowID, description: String, labour: Fen, parts: Fen, labourHours: Double = 0,
                                 operator op: Operator, now: Date) throws -> Job {
        let text = try FreeText.clean(description, field: .other, maxLength: 200, required: true)
        guard labour >= .zero, parts >= .zero else {
            throw ValidationError(field: .estimate, message: Message(
                zh: "增项金额不能为负数", en: "Amounts of additional work cannot be negative"))
        }
        return try write { db in
            guard var order = try Persistence.fetch(RepairOrder.self, db, id: roID) else {
                throw StoreError.notFound(entity: RepairOrder.table, id: roID)
            }
            guard [.dispatched, .inProgress, .waitingParts, .qualityCheck, .onHold].contains(order.stage) else {
                throw StoreError.notAllowed(Message(
                    zh: "只有在修的工单可以添加增项（当前：\(order.stage.label.zh)）",
                    en: "Additional work can be added only while the car is being worked on "
                        + "(now: \(order.stage.label.en.lowercased()))"))
            }
            let technician = try Persistence.fetchAll(Job.self, db, where: "repair_order_id = ? ORDER BY id",
                                                      arguments: [roID]).last(where: { $0.technicianID != nil })?.technicianID
            let job = try Persistence.insert(
                Job(repairOrderID: roID, description: text, technicianID: technician, status: .awaitingApproval,
                    isAdditional: true, labour: labour, parts: parts, labourHours: labourHours), db)
            try Audit.append(db, operator: op, at: now, action: "insert", entity: Job.table, entityID: job.id,
                             detail: Audit.values(job.columns))
            order = try touch(db, order: order)
            return job
        }
    }

    /// The customer's answer on additional work, with how they gave it and who recorded it when. Declined work
    /// stays on the order, and is shown at the vehicle's next check-in (`recommendations(vehicleID:)`).
    @discardableResult
    public func decideAdditionalJob(jobID: RowID, approved: Bool, method: ApprovalMethod, operator op: Operator,
                                    now: Date) throws -> Job {
        try write { db in
            guard var job = try Persistence.fetch(Job.self, db, id: jobID) else {
                throw StoreError.notFound(entity: Job.table, id: jobID)
            }
            try DispatchRules.checkDecision(job: job, approved: approved)
            let before = job.columns
            job.status = approved ? .approved : .declined
            job.approvalMethod = method
            job.decidedByID = op.staffID
            job.decidedAt = now
            try db.execute(sql: """
                UPDATE job SET status = ?, approval_method = ?, decided_by_id = ?, decided_at = ?, version = version + 1
                WHERE id = ?
                """, arguments: [job.status.rawValue, method.rawValue, op.staffID, now, jobID])
            try Audit.append(db, operator: op, at: now, action: approved ? "approve" : "decline", entity: Job.table,
                             entityID: jobID, detail: Audit.changes(from: before, to: job.columns))
            if let order = try Persistence.fetch(RepairOrder.self, db, id: job.repairOrderID) {
                _ = try touch(db, order: order)
            }
            return job
        }
    }

    /// Records a QC result signed by `inspectorID` (default: the operator): a workshop lead, or a technician who
    /// did none of the work on this order. The order must be in QC.
    @discardableResult
    public func recordQualityCheck(roID: RowID, passed: Bool, inspectorID: RowID? = nil, note: String = "",
                                   operator op: Operator, now: Date) throws -> QualityCheck {
        let cleanNote = try FreeText.clean(note, field: .notes, maxLength: 300)
        return try write { db in
            guard let order = try Persistence.fetch(RepairOrder.self, db, id: roID) else {
                throw StoreError.notFound(entity: RepairOrder.table, id: roID)
            }
            let inspectorID = inspectorID ?? op.staffID
            try QCRules.checkCanRecord(stage: order.stage, inspectorID: inspectorID, passed: passed, note: cleanNote)
            guard let inspector = try Persistence.fetch(Staff.self, db, id: inspectorID!) else {
                throw StoreError.notFound(entity: Staff.table, id: inspectorID!)
            }
            try QCRules.checkInspector(inspector, workTechnicians: try Self.workTechnicians(db, roID: roID))
            let check = try Persistence.insert(
                QualityCheck(repairOrderID: roID, inspectorID: inspectorID, inspectorName: inspector.name,
                             passed: passed, at: now, note: cleanNote), db)
            try Audit.append(db, operator: op, at: now, action: passed ? "qcPassed" : "qcFailed",
                             entity: QualityCheck.table, entityID: check.id, detail: Audit.values(check.columns))
            _ = try touch(db, order: order)
            return check
        }
    }

    /// Technicians on the order's work (declined lines excluded): they do not inspect their own work.
    static func workTechnicians(_ db: Database, roID: RowID) throws -> Set<RowID> {
        Set(try RowID.fetchAll(db, sql: """
            SELECT DISTINCT technician_id FROM job WHERE repair_order_id = ? AND technician_id IS NOT NULL
              AND status <> 'declined'
            """, arguments: [roID]))
    }

    /// "Delay notified": the customer was told, and the order gets the new promised time; the old one is
    /// kept in the notice history. Version checked.
    @discardableResult
    public func notifyDelay(roID: RowID, newPromisedAt: Date, version: Int, note: String = "", operator op: Operator,
                            now: Date) throws -> RepairOrder {
        let cleanNote = try FreeText.clean(note, field: .notes, maxLength: 200)
        let hours = try shopHours()
        let zone = try shopTimeZone()
        return try write { db in
            guard var order = try Persistence.fetch(RepairOrder.self, db, id: roID) else {
                throw StoreError.notFound(entity: RepairOrder.table, id: roID)
            }
            guard order.version == version else { throw try conflictError(db, entity: RepairOrder.table, id: roID) }
            guard order.stage.isOpen else {
                throw StoreError.notAllowed(Message(zh: "工单已关闭", en: "The order is closed"))
            }
            try WaitingBoardRules.checkDelay(oldPromisedAt: order.promisedAt, newPromisedAt: newPromisedAt, now: now,
                                             hours: hours, timeZone: zone)
            let notice = try Persistence.insert(
                DelayNotice(repairOrderID: roID, oldPromisedAt: order.promisedAt, newPromisedAt: newPromisedAt,
                            at: now, operatorID: op.staffID, note: cleanNote), db)
            order.promisedAt = newPromisedAt
            let saved = try saveVersioned(db, order, operator: op, now: now).saved
            try Audit.append(db, operator: op, at: now, action: "delayNotified", entity: DelayNotice.table,
                             entityID: notice.id, detail: Audit.values(notice.columns))
            return saved
        }
    }

    /// A stage change inside another write (same rules as `recordStageChange`).
    func moveStage(_ db: Database, order: RepairOrder, to: ROStage, note: String, operator op: Operator,
                   now: Date) throws -> RepairOrder {
        try checkLifecycle(db, order: order, to: to, note: note)
        var moved = order
        let before = order.columns
        moved.stage = to
        moved.closedAt = to.isOpen ? nil : now
        guard try Persistence.update(moved, id: order.id!, expectedVersion: order.version, db) else {
            throw try conflictError(db, entity: RepairOrder.table, id: order.id!)
        }
        moved.version = order.version + 1
        _ = try Persistence.insert(
            StageChange(repairOrderID: order.id!, from: order.stage, to: to, at: now, operatorID: op.staffID, note: note), db)
        try Audit.append(db, operator: op, at: now, action: "stageChange", entity: RepairOrder.table,
                         entityID: order.id, detail: Audit.changes(from: before, to: moved.columns))
        return moved
    }

    /// Bumps the order's version so another terminal holding it sees that its jobs or QC changed.
    func touch(_ db: Database, order: RepairOrder) throws -> RepairOrder {
        try db.execute(sql: "UPDATE repair_order SET version = version + 1 WHERE id = ?", arguments: [order.id!])
        var o = order
        o.version += 1
        return o
    }
}
