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
    /// Three set-based reads whatever the queue's length (see `CallbackRowsSQL`).
    public func callbackQueue(now: Date) throws -> [CallbackRow] {
        try dbPool.read { db in
            try Self.callbackRows(db, filter: CallbackRowsSQL.openQueue)
                .sorted { FollowUpRules.queueOrder($0.callback, $1.callback, now: now) }
        }
    }

    /// Callbacks closed as unreachable in the last `days`: each owes the customer a text message or letter.
    /// Those already recorded as sent (`markMessageSent`) are done and left out.
    public func messageOrLetterTasks(now: Date, days: Int = 14) throws -> [CallbackRow] {
        let since = now.addingTimeInterval(-Double(days) * 86_400)
        return try dbPool.read { db in
            try Self.callbackRows(db, filter: "cb.status = 'unreachable' AND cb.completed_at >= ? AND cb.message_sent_at IS NULL",
                                  arguments: [since], order: "cb.completed_at DESC, cb.id")
        }
    }

    /// Records that the text message or letter owed to an unreachable customer went out (audited, with
    /// the sender). Only an unreachable callback owes one, and only once.
    @discardableResult
    public func markMessageSent(callbackID: RowID, version: Int, operator op: Operator, now: Date) throws -> Callback {
        try Authorization.require(.callCustomer, roles: try roles(of: op))
        return try write { db in
            guard var callback = try Persistence.fetch(Callback.self, db, id: callbackID) else {
                throw StoreError.notFound(entity: Callback.table, id: callbackID)
            }
            guard callback.version == version else { throw try conflictError(db, entity: Callback.table, id: callbackID) }
            guard callback.status == .unreachable else { throw FollowUpError.noMessageOwed }
            guard callback.messageSentAt == nil else { throw FollowUpError.messageAlreadySent }
            callback.messageSentAt = now
            callback.messageSentByID = op.staffID
            return try saveVersioned(db, callback, operator: op, now: now).saved
        }
    }

    public func callbackRow(id: RowID) throws -> CallbackRow? {
        try dbPool.read { db in try Self.callbackRows(db, filter: "cb.id = ?", arguments: [id]).first }
    }

    /// The rows of the callbacks `filter` chooses (a condition on `callback cb`), in `order`; a callback
    /// whose order is gone is left out. One read of the callbacks, one of their orders with the customer,
    /// vehicle and advisor, one of their jobs: never a query per callback (500 due callbacks used to
    /// take some 3,500 queries).
    static func callbackRows(_ db: Database, filter: String, arguments: StatementArguments = [],
                             order: String = CallbackRowsSQL.queueOrder) throws -> [CallbackRow] {
        let callbacks = try Persistence.records(Callback.self, db, sql: CallbackRowsSQL.callbacks(filter, order: order),
                                                arguments: arguments)
        guard !callbacks.isEmpty else { return [] }
        // Per order, the row every callback on it shows (its callback filled in at the end). Cursors: each
        // row is read where it lies, never copied (see `Persistence.records`).
        var orders: [RowID: CallbackRow] = [:]
        let orderRows = try Row.fetchCursor(db, sql: CallbackRowsSQL.orders(filter), arguments: arguments)
        while let row = try orderRows.next() {
            let contact: String = row["contact_phone"]
            let preferred: String = row["preferred_callback_time"]
            orders[row["id"]] = CallbackRow(
                callback: Callback(repairOrderID: row["id"], dueAt: .distantPast), roNumber: row["number"],
                customerID: row["customer_id"], customerName: row["customer_name"] ?? "",
                phone: contact.isEmpty ? (row["primary_phone"] ?? "") : contact,
                plate: row["plate"] ?? "", model: row["model"] ?? "", advisorID: row["advisor_id"],
                advisorName: row["advisor_name"] ?? "", workDone: "", technicians: "",
                preferredCallTime: preferred.isEmpty ? (row["customer_call_time"] ?? "") : preferred,
                deliveredAt: row["closed_at"],
                callWindow: CallWindow.effective(picked: row["customer_call_window"] ?? "", visitText: preferred,
                                                 customerText: row["customer_call_time"] ?? ""))
        }
        var work: [RowID: (jobs: [String], technicians: [String])] = [:]
        let jobRows = try Row.fetchCursor(db, sql: CallbackRowsSQL.jobs(filter), arguments: arguments)
        while let row = try jobRows.next() {
            let id: RowID = row["repair_order_id"]
            var entry = work[id] ?? ([], [])
            entry.jobs.append(row["description"])
            // Each technician once, in the order of their first job (by name, as the queue shows them).
            if let name: String = row["technician_name"], !entry.technicians.contains(name) { entry.technicians.append(name) }
            work[id] = entry
        }
        for (id, done) in work {
            orders[id]?.workDone = done.jobs.joined(separator: "、")
            orders[id]?.technicians = done.technicians.joined(separator: "、")
        }
        return callbacks.compactMap { callback in
            guard var row = orders[callback.repairOrderID] else { return nil }
            row.callback = callback
            return row
        }
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
            var result = try FollowUpRules.apply(outcome, to: callback, callBackAt: callBackAt, now: now, settings: settings,
                                                 window: try Self.callWindow(db, repairOrderID: callback.repairOrderID),
                                                 timeZone: try Self.shopTimeZone(db, fallback: timeZone))
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

/// The SQL behind `callbackRows`, for a condition on `callback cb`: public so the benchmark's `sqlite3`
/// baseline runs exactly what the store runs.
public enum CallbackRowsSQL {
    /// The follow-up queue: every open callback.
    public static let openQueue = "cb.status = 'open'"
    /// The order the queue is read in (`FollowUpRules.queueOrder` then sorts it for the day).
    public static let queueOrder = "cb.due_at, cb.id"

    public static func callbacks(_ filter: String, order: String = queueOrder) -> String {
        "SELECT cb.* FROM callback cb WHERE \(filter) ORDER BY \(order)"
    }

    /// Their orders, with the customer (name, first phone, preferred call time), the vehicle and the advisor.
    public static func orders(_ filter: String) -> String {
        """
        SELECT ro.id, ro.number, ro.customer_id, ro.advisor_id, ro.contact_phone, ro.preferred_callback_time, ro.closed_at,
               c.name AS customer_name, c.preferred_call_time AS customer_call_time, c.call_window AS customer_call_window,
               (SELECT p.phone FROM customer_phone p WHERE p.customer_id = ro.customer_id ORDER BY p.position LIMIT 1)
                   AS primary_phone,
               v.plate, v.model, a.name AS advisor_name
        FROM repair_order ro
        LEFT JOIN customer c ON c.id = ro.customer_id
        LEFT JOIN vehicle v ON v.id = ro.vehicle_id
        LEFT JOIN staff a ON a.id = ro.advisor_id
        WHERE ro.id IN (SELECT cb.repair_order_id FROM callback cb WHERE \(filter))
        """
    }

    /// The work done on those orders (declined jobs left out), by order then job, with the technician's name.
    public static func jobs(_ filter: String) -> String {
        """
        SELECT j.repair_order_id, j.description, s.name AS technician_name
        FROM job j LEFT JOIN staff s ON s.id = j.technician_id
        WHERE j.repair_order_id IN (SELECT cb.repair_order_id FROM callback cb WHERE \(filter))
          AND j.status <> 'declined'
        ORDER BY j.repair_order_id, j.id
        """
    }
}
