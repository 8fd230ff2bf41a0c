import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// The shop's follow-up and complaint settings (defaults where unset or unreadable).
    public func followUpSettings() throws -> FollowUpSettings {
        FollowUpSettings(settings: try settings(keys: FollowUpSettings.allKeys))
    }

    public func complaintSettings() throws -> ComplaintSettings {
        ComplaintSettings(settings: try settings(keys: [ComplaintSettings.firstContactKey, ComplaintSettings.resolutionDaysKey]))
    }

    func settings(keys: [String]) throws -> [String: String] {
        try dbPool.read { db in
            var result: [String: String] = [:]
            for key in keys {
                if let v = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) {
                    result[key] = v
                }
            }
            return result
        }
    }

    /// Open callbacks in queue order (ready and overdue first, then due soonest, then waiting for a retry).
    public func callbackQueue(now: Date) throws -> [CallbackRow] {
        let open = try callbacks(statusIn: [.open]).sorted { FollowUpRules.queueOrder($0, $1, now: now) }
        return try dbPool.read { db in try open.compactMap { try Self.callbackRow(db, $0) } }
    }

    /// Callbacks closed as unreachable in the last `days`: each owes the customer a text message or letter.
    public func messageOrLetterTasks(now: Date, days: Int = 14) throws -> [CallbackRow] {
        let since = now.addingTimeInterval(-Double(days) * 86_400)
        return try dbPool.read { db in
            try Persistence.fetchAll(Callback.self, db, where: "status = 'unreachable' AND completed_at >= ? ORDER BY completed_at DESC, id",
                                     arguments: [since]).compactMap { try Self.callbackRow(db, $0) }
        }
    }

    public func callbackRow(id: RowID) throws -> CallbackRow? {
        try dbPool.read { db in
            try Persistence.fetch(Callback.self, db, id: id).flatMap { try Self.callbackRow(db, $0) }
        }
    }

    static func callbackRow(_ db: Database, _ callback: Callback) throws -> CallbackRow? {
        guard let order = try Persistence.fetch(RepairOrder.self, db, id: callback.repairOrderID) else { return nil }
        let customer = try CustomerPhones.customer(db, id: order.customerID)
        let vehicle = try Persistence.fetch(Vehicle.self, db, id: order.vehicleID)
        let advisor = try order.advisorID.flatMap { try Persistence.fetch(Staff.self, db, id: $0) }
        let jobs = try Persistence.fetchAll(Job.self, db, where: "repair_order_id = ? ORDER BY id", arguments: [order.id])
            .filter { $0.status != .declined }
        var technicianNames: [String] = []
        for id in jobs.compactMap(\.technicianID) {
            if let name = try Persistence.fetch(Staff.self, db, id: id)?.name, !technicianNames.contains(name) {
                technicianNames.append(name)
            }
        }
        let phone = order.contactPhone.isEmpty ? (customer?.primaryPhone ?? "") : order.contactPhone
        let preferred = order.preferredCallbackTime.isEmpty ? (customer?.preferredCallTime ?? "") : order.preferredCallbackTime
        return CallbackRow(callback: callback, roNumber: order.number, customerID: order.customerID,
                           customerName: customer?.name ?? "", phone: phone, plate: vehicle?.plate ?? "",
                           model: vehicle?.model ?? "", advisorID: order.advisorID, advisorName: advisor?.name ?? "",
                           workDone: jobs.map(\.description).joined(separator: "、"),
                           technicians: technicianNames.joined(separator: "、"), preferredCallTime: preferred,
                           deliveredAt: order.closedAt)
    }

    /// Records a call that did not end in the survey (no answer, busy, wrong number, call back later,
    /// declined): retries, expiry to unreachable, and the caller rule are the domain's.
    @discardableResult
    public func recordCallOutcome(callbackID: RowID, version: Int, outcome: CallOutcome, callBackAt: Date? = nil,
                                  note: String = "", operator op: Operator, now: Date) throws -> CallAttemptResult {
        try Authorization.require(.callCustomer, roles: try roles(of: op))
        let settings = try followUpSettings()
        let cleanNote = try FreeText.clean(note, field: .notes, maxLength: 500)
        return try write { db in
            guard let callback = try Persistence.fetch(Callback.self, db, id: callbackID) else {
                throw StoreError.notFound(entity: Callback.table, id: callbackID)
            }
            guard callback.version == version else { throw try conflictError(db, entity: Callback.table, id: callbackID) }
            let order = try Persistence.fetch(RepairOrder.self, db, id: callback.repairOrderID)
            try FollowUpRules.checkCaller(callerID: op.staffID, advisorID: order?.advisorID, settings: settings)
            var result = try FollowUpRules.apply(outcome, to: callback, callBackAt: callBackAt, now: now, settings: settings)
            let attempt = try Persistence.insert(CallAttempt(callbackID: callbackID, at: now, outcome: outcome,
                                                             callerID: op.staffID, note: cleanNote), db)
            result.callback.attempts += 1
            result.callback = try saveVersioned(db, result.callback, operator: op, now: now).saved
            try Audit.append(db, operator: op, at: now, action: "callAttempt", entity: CallAttempt.table,
                             entityID: attempt.id, detail: ["outcome": .string(outcome.rawValue)])
            return result
        }
    }

    /// A reached call: stores the answers per question, closes the callback with its score, flags the order
    /// as a possible comeback when the problem is not fixed, and opens a complaint (owned by the caller) when
    /// the score is at or below the threshold or the customer asked to complain. One transaction.
    public func completeCallback(callbackID: RowID, version: Int, answers: [String: String], operator op: Operator,
                                 now: Date) throws -> CallbackCompletion {
        try Authorization.require(.callCustomer, roles: try roles(of: op))
        let settings = try followUpSettings()
        let cleaned = try answers.mapValues { try FreeText.clean($0, field: .notes, maxLength: 500) }
        let score = try cleaned[SurveyQuestion.satisfaction].flatMap { $0.isEmpty ? nil : try FollowUpRules.score($0) }
        let wants = cleaned[SurveyQuestion.wantsComplaint] == "yes"
        return try write { db in
            guard let callback = try Persistence.fetch(Callback.self, db, id: callbackID) else {
                throw StoreError.notFound(entity: Callback.table, id: callbackID)
            }
            guard callback.version == version else { throw try conflictError(db, entity: Callback.table, id: callbackID) }
            guard let order = try Persistence.fetch(RepairOrder.self, db, id: callback.repairOrderID) else {
                throw StoreError.notFound(entity: RepairOrder.table, id: callback.repairOrderID)
            }
            try FollowUpRules.checkCaller(callerID: op.staffID, advisorID: order.advisorID, settings: settings)
            var done = try FollowUpRules.complete(callback, score: score, now: now)
            _ = try Persistence.insert(CallAttempt(callbackID: callbackID, at: now, outcome: .reached, callerID: op.staffID), db)
            done.attempts += 1
            done = try saveVersioned(db, done, operator: op, now: now).saved
            for (key, answer) in cleaned.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: """
                    INSERT INTO callback_answer (callback_id, question_key, answer) VALUES (?, ?, ?)
                    ON CONFLICT (callback_id, question_key) DO UPDATE SET answer = excluded.answer, version = version + 1
                    """, arguments: [callbackID, key, answer])
            }
            try Audit.append(db, operator: op, at: now, action: "answers", entity: Callback.table, entityID: callbackID,
                             detail: ["questions": .string(cleaned.keys.sorted().joined(separator: ","))])
            var comeback: Comeback?
            if FollowUpRules.problemNotFixed(cleaned) {
                comeback = try saveVersioned(db, Comeback(earlierRepairOrderID: order.id!, laterRepairOrderID: nil,
                                                          source: .followUp, reason: "回访：问题未解决 / follow-up: problem not fixed",
                                                          createdAt: now), operator: op, now: now).saved
            }
            var complaint: Complaint?
            if FollowUpRules.needsComplaint(score: score, wantsComplaint: wants, settings: settings) {
                var text = cleaned[SurveyQuestion.comments] ?? ""
                if text.isEmpty { text = "回访满意度 \(score.map(String.init) ?? "-") / follow-up score \(score.map(String.init) ?? "-")" }
                let opened = ComplaintRules.open(customerID: order.customerID, repairOrderID: order.id,
                                                 category: FollowUpRules.likelyCategory(cleaned), channel: .callback,
                                                 description: text, ownerID: op.staffID, now: now)
                complaint = try insertComplaint(db, opened, note: "", operator: op, now: now)
            }
            return CallbackCompletion(callback: done, complaint: complaint, comeback: comeback)
        }
    }

    func insertComplaint(_ db: Database, _ complaint: Complaint, note: String, operator op: Operator, now: Date)
        throws -> Complaint {
        var c = complaint
        c.description = try FreeText.clean(c.description, field: .concern, maxLength: 1000, required: true)
        let saved = try saveVersioned(db, c, operator: op, now: now).saved
        try Self.appendComplaintEvent(db, saved, note: note, operator: op, now: now)
        return saved
    }

    static func appendComplaintEvent(_ db: Database, _ c: Complaint, note: String, operator op: Operator, now: Date) throws {
        try db.execute(sql: "INSERT INTO complaint_event (complaint_id, at, step, operator_id, note) VALUES (?, ?, ?, ?, ?)",
                       arguments: [c.id, now, c.step.rawValue, op.staffID, note])
    }

    /// The survey answers of a callback, in the script's order (question, answer).
    public func callbackAnswerList(callbackID: RowID) throws -> [(SurveyQuestion, String)] {
        let answers = try callbackAnswers(callbackID: callbackID)
        let questions = try followUpSettings().questions + [SurveyQuestion.complaintQuestion]
        return questions.compactMap { q in answers[q.key].map { (q, $0) } }
    }

    /// Figures for the reports: callbacks due in [from, to) and complaints opened in [from, to).
    public func followUpFigures(from: Date, to: Date) throws -> FollowUpFigures {
        try dbPool.read { db in
            let callbacks = try Persistence.records(Callback.self, db, sql: KPIReportSQL.callbacksDue, arguments: [from, to])
            let complaints = try Persistence.records(Complaint.self, db, sql: KPIReportSQL.complaintsOpened,
                                                     arguments: [from, to])
            return FollowUpFigures.compute(callbacks: callbacks, complaints: complaints)
        }
    }
}
