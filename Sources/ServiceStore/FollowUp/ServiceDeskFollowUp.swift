import Foundation
import GRDB
import ServiceDomain

/// The follow-up desk's and the comeback lead's business actions, and the reads that need a permission.
/// Each write is one transaction that checks the operator's permission first (see `ServiceDesk`).
extension ServiceDesk {
    /// One attempt at a follow-up call: reached, unreachable, call back later.
    public func recordCall(callbackID: RowID, version: Int, outcome: CallOutcome, callBackAt: Date?,
                           now: Date) throws -> CallAttemptResult {
        try action(.callCustomer) { _ in
            try db.recordCallOutcome(callbackID: callbackID, version: version, outcome: outcome, callBackAt: callBackAt,
                                     operator: `operator`, now: now)
        }
    }

    public func completeCallback(callbackID: RowID, version: Int, answers: [String: String], now: Date) throws
        -> CallbackCompletion {
        try action(.callCustomer) { _ in
            try db.completeCallback(callbackID: callbackID, version: version, answers: answers, operator: `operator`, now: now)
        }
    }

    @discardableResult
    public func markMessageSent(callbackID: RowID, version: Int, now: Date) throws -> Callback {
        try action(.callCustomer) { _ in
            try db.markMessageSent(callbackID: callbackID, version: version, operator: `operator`, now: now)
        }
    }

    @discardableResult
    public func setCallWindow(customerID: RowID, window: CallWindow, now: Date) throws -> [Callback] {
        try action(.callCustomer) { _ in
            try db.setCallWindow(customerID: customerID, window: window, operator: `operator`, now: now)
        }
    }

    public func openComplaint(customerID: RowID, vehicleID: RowID?, category: ComplaintCategory, channel: ComplaintChannel,
                              description: String, now: Date) throws -> Complaint {
        try action(.handleComplaint) { _ in
            try db.openComplaint(customerID: customerID, repairOrderID: nil, vehicleID: vehicleID, category: category,
                                 channel: channel, description: description, operator: `operator`, now: now)
        }
    }

    public func advanceComplaint(id: RowID, version: Int, to step: ComplaintStep, note: String, closing: ComplaintClosing?,
                                 category: ComplaintCategory?, now: Date) throws -> ComplaintChange {
        try action(.handleComplaint) { _ in
            try db.advanceComplaint(id: id, version: version, to: step, note: note, closing: closing, category: category,
                                    operator: `operator`, now: now)
        }
    }

    @discardableResult
    public func takeComplaint(id: RowID, version: Int, now: Date) throws -> Complaint {
        try action(.handleComplaint) { _ in try db.takeComplaint(id: id, version: version, operator: `operator`, now: now) }
    }

    @discardableResult
    public func handOverComplaint(id: RowID, version: Int, to newOwnerID: RowID, note: String, now: Date) throws -> Complaint {
        try action(.handleComplaint) { _ in
            try db.handOverComplaint(id: id, version: version, to: newOwnerID, note: note, operator: `operator`, now: now)
        }
    }

    /// The lead's search for comeback candidates among the last month's orders; returns how many were added.
    public func searchComebackCandidates(now: Date) throws -> Int {
        try action(.confirmComeback) { _ in try db.searchComebackCandidates(operator: `operator`, now: now) }
    }

    @discardableResult
    public func confirmComeback(id: RowID, version: Int, rootCause: RootCause, technicianID: RowID?, now: Date) throws -> Comeback {
        try action(.confirmComeback) { _ in
            try db.confirmComeback(id: id, version: version, rootCause: rootCause, technicianID: technicianID,
                                   operator: `operator`, now: now)
        }
    }

    @discardableResult
    public func dismissComeback(id: RowID, version: Int, reason: String, now: Date) throws -> Comeback {
        try action(.confirmComeback) { _ in
            try db.dismissComeback(id: id, version: version, reason: reason, operator: `operator`, now: now)
        }
    }

    // Reads behind a permission: checked on every call (a role taken away stops the next read), outside
    // any write transaction so a long report never holds up another desk's writes.

    public func kpiReport(period: ReportPeriod, timeZone: TimeZone) throws -> KPIReport {
        try db.authorize(.viewReports, `operator`)
        return try db.kpiReport(period: period, timeZone: timeZone)
    }

    public func auditPage(filter: AuditQuery, beforeID: Int64?, limit: Int) throws -> [AuditListEntry] {
        try db.authorize(.viewAudit, `operator`)
        return try db.auditPage(filter: filter, beforeID: beforeID, limit: limit)
    }
}
