import Foundation
import GRDB
import ServiceDomain

/// The workshop's business actions: moving, dispatching, checking and delivering repair orders.
/// Each is one transaction that checks the operator's permission first (see `ServiceDesk`).
extension ServiceDesk {
    @discardableResult
    public func moveStage(roID: RowID, from: ROStage, to: ROStage, version: Int, note: String, now: Date) throws -> RepairOrder {
        try action(.moveRepairOrder) { _ in
            try db.recordStageChange(roID: roID, from: from, to: to, version: version, note: note, operator: `operator`, now: now)
        }
    }

    @discardableResult
    public func dispatch(roID: RowID, technicianID: RowID, version: Int, reason: String, now: Date) throws -> RepairOrder {
        try action(.dispatch) { _ in
            try db.dispatch(roID: roID, technicianID: technicianID, version: version, reason: reason, operator: `operator`,
                            now: now)
        }
    }

    @discardableResult
    public func assignJob(jobID: RowID, technicianID: RowID, reason: String, now: Date) throws -> Job {
        try action(.dispatch) { _ in
            try db.assignTechnician(jobID: jobID, technicianID: technicianID, reason: reason, operator: `operator`, now: now)
        }
    }

    @discardableResult
    public func editLine(jobID: RowID, labour: Fen, parts: Fen, labourHours: Double, orderVersion: Int, now: Date) throws -> Job {
        try action(.moveRepairOrder) { _ in
            try db.editWorkLine(jobID: jobID, labour: labour, parts: parts, labourHours: labourHours,
                                orderVersion: orderVersion, operator: `operator`, now: now)
        }
    }

    /// Gives the order to another advisor; returns the order and the new advisor's name.
    public func reassignAdvisor(roID: RowID, advisorID: RowID, version: Int, now: Date) throws -> (RepairOrder, String) {
        try action(.moveRepairOrder) { tx in
            let order = try db.reassignAdvisor(roID: roID, advisorID: advisorID, version: version, operator: `operator`, now: now)
            return (order, try Persistence.fetch(Staff.self, tx, id: advisorID)?.name ?? "")
        }
    }

    @discardableResult
    public func recordQC(roID: RowID, passed: Bool, inspectorID: RowID?, note: String, now: Date) throws -> QualityCheck {
        try action(.qualityCheck) { _ in
            try db.recordQualityCheck(roID: roID, passed: passed, inspectorID: inspectorID, note: note, operator: `operator`,
                                      now: now)
        }
    }

    @discardableResult
    public func notifyDelay(roID: RowID, newPromisedAt: Date, version: Int, note: String, now: Date) throws -> RepairOrder {
        try action(.moveRepairOrder) { _ in
            try db.notifyDelay(roID: roID, newPromisedAt: newPromisedAt, version: version, note: note, operator: `operator`,
                               now: now)
        }
    }

    @discardableResult
    public func addAdditionalJob(roID: RowID, description: String, labour: Fen, parts: Fen, now: Date) throws -> Job {
        try action(.moveRepairOrder) { _ in
            try db.addAdditionalJob(roID: roID, description: description, labour: labour, parts: parts, operator: `operator`,
                                    now: now)
        }
    }

    @discardableResult
    public func decideJob(jobID: RowID, approved: Bool, method: ApprovalMethod, now: Date) throws -> Job {
        try action(.moveRepairOrder) { _ in
            try db.decideAdditionalJob(jobID: jobID, approved: approved, method: method, operator: `operator`, now: now)
        }
    }

    /// Delivers the car after its checklist: the order closed, the follow-up call scheduled and the
    /// summary composed, together. Writing the summary file is the caller's (after the commit).
    public func deliver(roID: RowID, version: Int, ticked: [String: DeliveryItemState], now: Date) throws -> DeliveryResult {
        let shop = (try? db.setting(key: "shop.name")) ?? nil
        return try action(.deliver) { _ in
            try db.deliver(roID: roID, version: version, ticked: ticked, shopName: shop ?? "", operator: `operator`, now: now)
        }
    }
}
