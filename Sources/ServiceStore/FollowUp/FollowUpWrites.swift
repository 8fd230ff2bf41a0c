import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// Inserts or updates (version checked) an appointment.
    @discardableResult
    public func saveAppointment(_ appointment: Appointment, operator op: Operator, now: Date) throws -> Appointment {
        var a = appointment
        a.concerns = try FreeText.clean(appointment.concerns, field: .concern, maxLength: 500)
        a.capacityOverrideReason = try FreeText.clean(appointment.capacityOverrideReason, field: .reason,
                                                      maxLength: 200)
        return try write { db in try saveVersioned(db, a, operator: op, now: now).saved }
    }

    /// Inserts a new callback (its id must be nil).
    public func createCallback(_ callback: Callback, operator op: Operator, now: Date) throws -> Callback {
        var c = callback
        c.id = nil
        return try write { db in try saveVersioned(db, c, operator: op, now: now).saved }
    }

    /// Updates a callback (version checked): status, next try, satisfaction…
    @discardableResult
    public func saveCallback(_ callback: Callback, operator op: Operator, now: Date) throws -> Callback {
        guard callback.id != nil else { throw StoreError.notFound(entity: Callback.table, id: 0) }
        return try write { db in try saveVersioned(db, callback, operator: op, now: now).saved }
    }

    /// Logs one call attempt and counts it on its callback (version checked), in one transaction.
    @discardableResult
    public func recordCallAttempt(_ attempt: CallAttempt, callbackVersion: Int, operator op: Operator, now: Date)
        throws -> Callback {
        var a = attempt
        a.note = try FreeText.clean(attempt.note, field: .notes, maxLength: 500)
        return try write { db in
            guard var callback = try Persistence.fetch(Callback.self, db, id: a.callbackID) else {
                throw StoreError.notFound(entity: Callback.table, id: a.callbackID)
            }
            guard callback.version == callbackVersion else {
                throw try conflictError(db, entity: Callback.table, id: a.callbackID)
            }
            let saved = try Persistence.insert(a, db)
            callback.attempts += 1
            let result = try saveVersioned(db, callback, operator: op, now: now).saved
            try Audit.append(db, operator: op, at: now, action: "callAttempt", entity: CallAttempt.table,
                             entityID: saved.id, detail: Audit.values(saved.columns))
            return result
        }
    }

    /// Call attempts of a callback, oldest first.
    public func callAttempts(callbackID: RowID) throws -> [CallAttempt] {
        try dbPool.read { db in
            try Persistence.fetchAll(CallAttempt.self, db, where: "callback_id = ? ORDER BY at, id",
                                     arguments: [callbackID])
        }
    }

    /// Stores the answers of a callback's survey (question key → answer), replacing earlier answers
    /// to the same questions.
    public func saveCallbackAnswers(callbackID: RowID, answers: [String: String], operator op: Operator, now: Date)
        throws {
        let cleaned = try answers.mapValues { try FreeText.clean($0, field: .notes, maxLength: 500) }
        try write { db in
            guard try Persistence.fetch(Callback.self, db, id: callbackID) != nil else {
                throw StoreError.notFound(entity: Callback.table, id: callbackID)
            }
            var detail: [String: AuditValue] = [:]
            for (key, answer) in cleaned.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: """
                        INSERT INTO callback_answer (callback_id, question_key, answer) VALUES (?, ?, ?)
                        ON CONFLICT (callback_id, question_key)
                        DO UPDATE SET answer = excluded.answer, version = version + 1
                        """, arguments: [callbackID, key, answer])
                detail[key] = .string(answer)
            }
            try Audit.append(db, operator: op, at: now, action: "answers", entity: Callback.table,
                             entityID: callbackID, detail: detail)
        }
    }

    public func callbackAnswers(callbackID: RowID) throws -> [String: String] {
        try dbPool.read { db in
            var answers: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT question_key, answer FROM callback_answer WHERE callback_id = ?",
                                        arguments: [callbackID]) {
                answers[row["question_key"]] = row["answer"]
            }
            return answers
        }
    }

    /// Inserts or updates (version checked) a complaint. Each new complaint and each change of step
    /// also appends a `complaint_event`, the step history.
    @discardableResult
    public func saveComplaint(_ complaint: Complaint, operator op: Operator, now: Date, note: String = "") throws
        -> Complaint {
        var c = complaint
        c.description = try FreeText.clean(complaint.description, field: .concern, maxLength: 1000, required: true)
        c.closeReason = try FreeText.clean(complaint.closeReason, field: .reason, maxLength: 200)
        let cleanNote = try FreeText.clean(note, field: .notes, maxLength: 500)
        return try write { db in
            let previousStep = try c.id.flatMap { try Persistence.fetch(Complaint.self, db, id: $0)?.step }
            let (saved, _) = try saveVersioned(db, c, operator: op, now: now)
            if previousStep != saved.step {
                try db.execute(
                    sql: "INSERT INTO complaint_event (complaint_id, at, step, operator_id, note) VALUES (?, ?, ?, ?, ?)",
                    arguments: [saved.id, now, saved.step.rawValue, op.staffID, cleanNote])
            }
            return saved
        }
    }

    /// The step history of a complaint, oldest first.
    public func complaintEvents(complaintID: RowID) throws -> [ComplaintEvent] {
        try dbPool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM complaint_event WHERE complaint_id = ? ORDER BY at, id",
                             arguments: [complaintID]).map { row in
                ComplaintEvent(at: try row.decode(forColumn: "at"),
                               step: try row.enumValue("step", in: "complaint_event"),
                               operatorID: try row.decode(forColumn: "operator_id"),
                               note: try row.decode(forColumn: "note"))
            }
        }
    }

    /// Inserts or updates (version checked) a comeback.
    @discardableResult
    public func saveComeback(_ comeback: Comeback, operator op: Operator, now: Date) throws -> Comeback {
        var c = comeback
        c.reason = try FreeText.clean(comeback.reason, field: .reason, maxLength: 500)
        return try write { db in try saveVersioned(db, c, operator: op, now: now).saved }
    }

    /// Stores a shop setting (time zone, capacities…), audited with its old and new value.
    public func setSetting(key: String, value: String, operator op: Operator, now: Date) throws {
        try write { db in
            let old = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
            if old == value { return }
            try db.execute(
                sql: """
                    INSERT INTO setting (key, value) VALUES (?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = version + 1
                    """, arguments: [key, value])
            try Audit.append(db, operator: op, at: now, action: "setting", entity: "setting", entityID: nil,
                             detail: [key: .change(old: old?.databaseValue ?? .null, new: value.databaseValue)])
        }
    }

    public func setting(key: String) throws -> String? {
        try dbPool.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
        }
    }
}

/// One step of a complaint's handling history.
public struct ComplaintEvent: Sendable, Equatable {
    public var at: Date
    public var step: ComplaintStep
    public var operatorID: RowID?
    public var note: String
}
