import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// Opens a repair order in one transaction: allocates the day's next RO number (`ro.number` is
    /// ignored), inserts the concerns and jobs, records the check-in mileage (refused if below the
    /// vehicle's last reading: record an `.odometerReplaced` reading first) and the first stage change.
    /// `timeZone` decides which day the number belongs to. A reading below the last one is accepted
    /// with `odometerReason` (odometer replaced, last reading mistyped …): the reading is stored as an
    /// `.odometerReplaced` one with that reason, and the reason is in the order's audit entry.
    public func createRepairOrder(_ ro: RepairOrder, concerns: [Concern], jobs: [Job], odometerReason: String = "",
                                  operator op: Operator, now: Date, timeZone: TimeZone) throws -> RepairOrder {
        var order = try Self.cleaned(ro)
        let cleanReason = try FreeText.clean(odometerReason, field: .reason, maxLength: 200)
        order.version = 0
        let cleanConcerns = try concerns.map { concern in
            var c = concern
            c.text = try FreeText.clean(concern.text, field: .concern, maxLength: 500, required: true)
            return c
        }
        let cleanJobs = try jobs.map { job in
            var j = job
            j.description = try FreeText.clean(job.description, field: .other, maxLength: 200, required: true)
            return j
        }
        return try write { db in
            guard let vehicle = try Persistence.fetch(Vehicle.self, db, id: order.vehicleID) else {
                throw StoreError.notFound(entity: Vehicle.table, id: order.vehicleID)
            }
            // The customer card lists a customer's visits; an order filed under someone who does not own
            // the car would show up on the wrong card. Change the owner first if the car was sold.
            guard vehicle.ownerID == order.customerID else {
                throw StoreError.notAllowed(Message(
                    zh: "车辆 \(Plate.display(vehicle.plate)) 不属于该客户；如已过户，请先修改车主",
                    en: "Vehicle \(Plate.display(vehicle.plate)) does not belong to this customer; "
                        + "if it changed hands, change its owner first"))
            }
            try assignAdvisor(db, order: &order, operator: op)
            let last = try latestMileage(db, vehicleID: vehicle.id!)
            let belowLast = last.map { order.mileageIn < $0.km } ?? false
            try MileageRule.check(newKm: order.mileageIn, lastKm: last?.km,
                                  odometerReplacementReason: belowLast ? cleanReason : nil)

            let dayKey = RONumber.dayKey(order.openedAt, timeZone: timeZone)
            let sequence = try Int.fetchOne(
                db, sql: """
                    INSERT INTO ro_sequence (day_key, last_value) VALUES (?, 1)
                    ON CONFLICT (day_key) DO UPDATE SET last_value = last_value + 1
                    RETURNING last_value
                    """, arguments: [dayKey])!
            order.number = RONumber.make(openedAt: order.openedAt, sequence: sequence, timeZone: timeZone)
            order = try Persistence.insert(order, db)
            let roID = order.id!

            for var concern in cleanConcerns {
                concern.repairOrderID = roID
                _ = try Persistence.insert(concern, db)
            }
            var lines = cleanJobs
            // The estimate the customer signed is the work: an order opened without lines gets it as its first.
            // Further concerns get their own lines, as dispatch would give them.
            if lines.isEmpty && order.estimateTotal > .zero {
                lines = [WorkLines.fromEstimate(concern: cleanConcerns.first?.text ?? "", labour: order.estimateLabour,
                                                parts: order.estimateParts, labourMinutes: 0)]
                    + cleanConcerns.dropFirst().map { Job(repairOrderID: 0, description: String($0.text.prefix(200))) }
            }
            for var job in lines {
                job.repairOrderID = roID
                _ = try Persistence.insert(job, db)
            }
            _ = try Persistence.insert(
                MileageReading(vehicleID: vehicle.id!, km: order.mileageIn, readAt: order.openedAt,
                               source: belowLast ? .odometerReplaced : .checkIn, reason: belowLast ? cleanReason : ""),
                db)
            _ = try Persistence.insert(
                StageChange(repairOrderID: roID, from: nil, to: order.stage, at: now, operatorID: op.staffID), db)

            var detail = Audit.values(order.columns)
            detail["concerns"] = .int(Int64(cleanConcerns.count))
            detail["jobs"] = .int(Int64(lines.count))
            if belowLast, let last {
                detail["odometer_reason"] = .string(cleanReason)
                detail["last_km"] = .int(Int64(last.km))
            }
            try Audit.append(db, operator: op, at: now, action: "insert", entity: RepairOrder.table, entityID: roID,
                             detail: detail)
            return order
        }
    }

    /// The order's advisor: the one chosen (an active advisor), else the operator when they are an advisor.
    /// A staff operator who is not an advisor must choose one; setup and import runs (no staff record) may
    /// leave it empty for the board to assign.
    private func assignAdvisor(_ db: Database, order: inout RepairOrder, operator op: Operator) throws {
        if let id = order.advisorID {
            guard let staff = try Persistence.fetch(Staff.self, db, id: id) else {
                throw StoreError.notFound(entity: Staff.table, id: id)
            }
            try AdvisorRules.checkAdvisor(staff)
        } else if let id = op.staffID {
            guard let me = try Persistence.fetch(Staff.self, db, id: id), AdvisorRules.isAdvisor(me) else {
                throw AdvisorRules.advisorRequired
            }
            order.advisorID = id
        }
    }

    /// Saves edits to an open repair order (version checked). The number and the stage cannot be
    /// changed here: stages move only through `recordStageChange`, which keeps their history.
    @discardableResult
    public func updateRepairOrder(_ ro: RepairOrder, operator op: Operator, now: Date) throws -> RepairOrder {
        guard let id = ro.id else { throw StoreError.notFound(entity: RepairOrder.table, id: 0) }
        let order = try Self.cleaned(ro)
        return try write { db in
            guard let stored = try Persistence.fetch(RepairOrder.self, db, id: id) else {
                throw StoreError.notFound(entity: RepairOrder.table, id: id)
            }
            if stored.version == order.version && (stored.stage != order.stage || stored.number != order.number) {
                throw StoreError.notAllowed(Message(
                    zh: "工单号和状态不能在此修改；状态请通过状态变更修改",
                    en: "The RO number and stage cannot be edited here; change the stage with a stage change"))
            }
            return try saveVersioned(db, order, operator: op, now: now).saved
        }
    }

    /// Moves a repair order from `from` to `to`, refusing if it has been changed since `version` was
    /// loaded (or is no longer at `from`). Closing stages set `closedAt`; reopening clears it.
    /// The note becomes the hold reason (→ onHold) or the cancel reason (→ cancelled).
    @discardableResult
    public func recordStageChange(roID: RowID, from: ROStage, to: ROStage, version: Int, note: String = "",
                                  operator op: Operator, now: Date) throws -> RepairOrder {
        let cleanNote = try FreeText.clean(note, field: .reason, maxLength: 200)
        return try write { db in
            guard var order = try Persistence.fetch(RepairOrder.self, db, id: roID) else {
                throw StoreError.notFound(entity: RepairOrder.table, id: roID)
            }
            guard order.version == version, order.stage == from else {
                throw try conflictError(db, entity: RepairOrder.table, id: roID)
            }
            try checkLifecycle(db, order: order, to: to, note: cleanNote)
            if to == .delivered {
                throw StoreError.notAllowed(Message(
                    zh: "交车请在交车面板完成交车清单后办理", en: "Deliver from the Delivery panel, after its checklist"))
            }
            try settleJobs(db, order: order, to: to, operator: op, now: now)
            let before = order.columns
            order.stage = to
            order.closedAt = to.isOpen ? nil : now
            if to == .onHold { order.holdReason = cleanNote }
            if to == .cancelled { order.cancelReason = cleanNote }
            guard try Persistence.update(order, id: roID, expectedVersion: version, db) else {
                throw try conflictError(db, entity: RepairOrder.table, id: roID)
            }
            order.version = version + 1
            _ = try Persistence.insert(
                StageChange(repairOrderID: roID, from: from, to: to, at: now, operatorID: op.staffID, note: cleanNote),
                db)
            var detail = Audit.changes(from: before, to: order.columns)
            if !cleanNote.isEmpty { detail["note"] = .string(cleanNote) }
            try Audit.append(db, operator: op, at: now, action: "stageChange", entity: RepairOrder.table,
                             entityID: roID, detail: detail)
            return order
        }
    }

    /// The workshop rules for a stage change, with the QC status and the hold origin read from the data.
    func checkLifecycle(_ db: Database, order: RepairOrder, to: ROStage, note: String) throws {
        let roID = order.id!
        let history = try Persistence.fetchAll(StageChange.self, db, where: "repair_order_id = ? ORDER BY at, id",
                                               arguments: [roID])
        let checks = try Persistence.fetchAll(QualityCheck.self, db, where: "repair_order_id = ? ORDER BY at, id",
                                              arguments: [roID])
        try ROLifecycle.check(from: order.stage, to: to, repairClass: order.repairClass,
                              qcPassed: QCRules.isPassed(checks: checks, history: history), reason: note,
                              heldFrom: order.stage == .onHold ? ROLifecycle.stageBeforeHold(history) : nil,
                              qcFailed: QCRules.hasOutstandingFailure(checks: checks),
                              qcRequiredForAll: try Self.qcRequiredForAll(db))
        let jobs = try Persistence.fetchAll(Job.self, db, where: "repair_order_id = ? ORDER BY id", arguments: [roID])
        if order.stage == .checkedIn && to == .dispatched { try DispatchRules.checkDispatchable(jobs: jobs) }
        if Self.workFinishedStages.contains(to) && order.stage != .onHold { try DispatchRules.checkWorkFinished(jobs: jobs) }
    }

    /// The shop's "QC for every order" setting, read inside the caller's transaction.
    static func qcRequiredForAll(_ db: Database) throws -> Bool {
        QCRules.requiredForAll(fromSetting: try String.fetchOne(
            db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [QCRules.requiredForAllSettingKey]))
    }

    /// Leaving the workshop floor for QC, washing or pickup means the work on the jobs is finished.
    static let workFinishedStages: Set<ROStage> = [.qualityCheck, .washing, .readyForPickup]

    /// Marks the jobs still to do as done when the car leaves the workshop floor (audited per job).
    func settleJobs(_ db: Database, order: RepairOrder, to: ROStage, operator op: Operator, now: Date) throws {
        guard order.stage == .inProgress, Self.workFinishedStages.contains(to) else { return }
        let jobs = try Persistence.fetchAll(Job.self, db, where: "repair_order_id = ? ORDER BY id", arguments: [order.id!])
        for job in jobs where DispatchRules.isOpenWork(job) {
            try db.execute(sql: "UPDATE job SET status = 'done', version = version + 1 WHERE id = ?", arguments: [job.id!])
            try Audit.append(db, operator: op, at: now, action: "update", entity: Job.table, entityID: job.id,
                             detail: ["status": .change(old: job.status.rawValue.databaseValue,
                                                        new: JobStatus.done.rawValue.databaseValue)])
        }
    }

    /// Free text sanitized and length-checked, the contact phone normalized.
    static func cleaned(_ ro: RepairOrder) throws -> RepairOrder {
        var r = ro
        r.walkAroundNotes = try FreeText.clean(ro.walkAroundNotes, field: .walkAround, maxLength: 1000)
        r.preferredCallbackTime = try FreeText.clean(ro.preferredCallbackTime, field: .preferredCallTime,
                                                     maxLength: 40)
        r.holdReason = try FreeText.clean(ro.holdReason, field: .reason, maxLength: 200)
        r.cancelReason = try FreeText.clean(ro.cancelReason, field: .reason, maxLength: 200)
        if !FreeText.sanitize(ro.contactPhone).isEmpty {
            r.contactPhone = try PhoneNumber.validate(ro.contactPhone)
        } else {
            r.contactPhone = ""
        }
        if ro.mileageIn < 0 {
            try MileageRule.check(newKm: ro.mileageIn, lastKm: nil, odometerReplacementReason: nil)
        }
        return r
    }
}
